import type { Lead } from '../../src-shared/domain/lead';
import type { TimelineKind } from '../../src-shared/domain/timeline';
import type { MutationContext } from './context';
import { insertNew } from './rows';

/** Writes one event into a lead's thread, worded for a person, with its details in `data`. */
export async function addTimelineEvent(
  ctx: MutationContext,
  lead: Lead,
  kind: TimelineKind,
  text: string,
  data: Record<string, unknown> = {},
  id: string = ctx.newId(),
): Promise<void> {
  await insertNew(ctx, 'timeline_events', {
    id,
    tenantId: ctx.auth.tenantId,
    leadId: lead.id,
    kind,
    actorUserId: ctx.auth.userId,
    text,
    data,
    createdAt: ctx.now,
  });
}
