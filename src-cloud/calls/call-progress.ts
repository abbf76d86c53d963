import { callEventText, type CallOutcome } from '../../src-shared/calls/call-wording';
import type { TimelineEvent } from '../../src-shared/domain/timeline';
import type { Db, Tx } from '../db/db';
import type { SyncWriter } from '../sync/writer';
import { writeInTenant } from '../sync/tenant-write';
import { loadCall, updateCall, type CallRow } from './call-rows';
import { advanceStatus, callEnd, laterDuration } from './call-state';

/** What one Twilio callback says about one leg of a call. */
export interface LegReport {
  leg: 'first' | 'dialled';
  status: string;
  /** Seconds (CallDuration, DialCallDuration); null when the callback has none. */
  durationSeconds: number | null;
}

/**
 * Folds a callback into the call log and, once the call is over, into its one timeline event
 * (kind `call`), through the sync writer so every desktop sees it. Replays and stragglers move
 * nothing back; a later final word (the dialled leg's length after the first leg ended)
 * rewrites the same event. Serialised by the tenant's write lock and the call row's lock.
 */
export async function recordLeg(
  db: Db,
  tenantId: string,
  callId: string,
  report: LegReport,
  now: number,
): Promise<CallRow | null> {
  return writeInTenant(db, tenantId, async (tx, write) => {
    const call = await loadCall(tx, tenantId, callId, true);
    if (!call) return null;
    const legs =
      report.leg === 'first'
        ? {
            firstStatus: advanceStatus(call.firstStatus, report.status),
            firstDuration: laterDuration(call.firstDuration, report.durationSeconds),
          }
        : {
            dialledStatus: advanceStatus(call.dialledStatus, report.status),
            dialledDuration: laterDuration(call.dialledDuration, report.durationSeconds),
          };
    const next: CallRow = { ...call, ...legs };
    const end = callEnd(next);
    if (end) {
      next.outcome = end.outcome;
      next.durationSeconds = end.durationSeconds;
      next.endedAt = call.endedAt ?? now;
      next.answeredAt =
        end.outcome === 'connected' ? next.endedAt - end.durationSeconds * 1000 : null;
    }
    await updateCall(tx, call, {
      ...legs,
      outcome: next.outcome,
      durationSeconds: next.durationSeconds,
      endedAt: next.endedAt,
      answeredAt: next.answeredAt,
    });
    if (end) await writeCallEvent(tx, write, next);
    return next;
  });
}

/**
 * The call's timeline event, inserted the first time the call is over and rewritten when a
 * later callback changed what it says; a caller who is nobody's lead has none.
 */
export async function writeCallEvent(tx: Tx, write: SyncWriter, call: CallRow): Promise<void> {
  if (!call.leadId || call.outcome === null) return;
  const event = await callEvent(tx, call);
  if (!call.eventWritten) {
    await write.insert('timeline_events', event);
    await updateCall(tx, call, { eventWritten: true });
    return;
  }
  const [stored] = await tx.query<{ row: TimelineEvent }>(
    'SELECT row FROM timeline_events WHERE tenant_id = $1 AND id = $2',
    [call.tenantId, call.eventId],
  );
  if (JSON.stringify(stored?.row) !== JSON.stringify(event)) {
    await write.update('timeline_events', event);
  }
}

async function callEvent(tx: Tx, call: CallRow): Promise<TimelineEvent> {
  const [agent] = call.agentUserId
    ? await tx.query<{ name: string }>(
        `SELECT row ->> 'name' AS name FROM users WHERE tenant_id = $1 AND id = $2`,
        [call.tenantId, call.agentUserId],
      )
    : [];
  const outcome = call.outcome as CallOutcome;
  const durationSeconds = call.durationSeconds ?? 0;
  return {
    id: call.eventId,
    tenantId: call.tenantId,
    leadId: call.leadId as string,
    kind: 'call',
    actorUserId: call.agentUserId,
    text: callEventText({
      direction: call.direction,
      outcome,
      durationSeconds,
      agentName: agent?.name ?? null,
    }),
    data: {
      callId: call.id,
      direction: call.direction,
      outcome,
      durationSeconds,
      startedAt: call.startedAt,
      answeredAt: call.answeredAt,
      endedAt: call.endedAt,
      customerNumber: call.customerNumber,
      storeNumber: call.storeNumber,
      viaNumber: call.viaNumber,
    },
    createdAt: call.startedAt,
  };
}
