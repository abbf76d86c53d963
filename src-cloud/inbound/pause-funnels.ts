import { v7 as uuidv7 } from 'uuid';
import type { Message } from '../../src-shared/domain/conversation';
import type { Lead } from '../../src-shared/domain/lead';
import type { Tx } from '../db/db';
import type { SyncWriter } from '../sync/writer';

/**
 * The customer wrote back: the funnel steps still scheduled for them are taken out of the
 * thread (an agent answers a person now, not a sequence), and the thread says which funnel
 * paused and how many texts it did not send. Assigning the funnel again starts it over.
 */
export async function pauseFunnels(
  tx: Tx,
  write: SyncWriter,
  lead: Lead,
  now: number,
  /** The lead's scheduled funnel steps, when the caller already read them (sender-thread.ts). */
  scheduled?: readonly Message[],
) {
  const pending =
    scheduled ??
    (
      await tx.query<{ row: Message }>(
        `SELECT row FROM messages WHERE tenant_id = $1 AND lead_id = $2 AND NOT deleted
           AND row ->> 'status' = 'scheduled' AND row ->> 'funnelId' IS NOT NULL
         ORDER BY id`,
        [lead.tenantId, lead.id],
      )
    ).map(({ row }) => row);
  const byFunnel = new Map<string, Message[]>();
  for (const row of pending) {
    const steps = byFunnel.get(row.funnelId!) ?? [];
    steps.push(row);
    byFunnel.set(row.funnelId!, steps);
  }
  for (const [funnelId, steps] of byFunnel) {
    for (const step of steps) await write.remove('messages', step.id);
    const [funnel] = await tx.query<{ name: string | null }>(
      `SELECT row ->> 'name' AS name FROM funnels WHERE tenant_id = $1 AND id = $2`,
      [lead.tenantId, funnelId],
    );
    const count = steps.length;
    await write.insert('timeline_events', {
      id: uuidv7(),
      tenantId: lead.tenantId,
      leadId: lead.id,
      kind: 'funnel',
      actorUserId: null,
      text: `Funnel "${funnel?.name ?? 'removed funnel'}" paused: the customer replied, so ${count} scheduled text${count === 1 ? ' was' : 's were'} not sent`,
      data: { funnelId, how: 'paused', messageIds: steps.map((s) => s.id) },
      createdAt: now,
    });
  }
}
