import type { Lead } from '../../src-shared/domain/lead';
import type { MutationArgs } from '../../src-shared/sync/mutations';
import { recordConsentForPhones, type ConsentEvent } from '../consent/ledger';
import type { MutationContext } from './context';
import { reject } from './rejection';
import { isDead, loadLead, saveLead } from './rows';
import { addTimelineEvent } from './timeline';

/**
 * The customer asked to stop: the lead goes Dead and nobody can message it. Who, when and why
 * are kept in the timeline, as carriers and the law ask.
 */
export async function optOut(ctx: MutationContext, args: MutationArgs<'optOut'>) {
  const lead = await loadLead(ctx, args.leadId);
  if (lead.status === 'dead' && lead.optedOut) return;
  const saved = await saveLead(ctx, lead, { status: 'dead', optedOut: true });
  await addTimelineEvent(
    ctx,
    saved,
    'opt_out',
    `Opted out by ${ctx.auth.user.name}: ${args.reason}`,
    {
      how: 'agent',
      reason: args.reason,
      fromStatus: lead.status,
    },
  );
  await ledger(ctx, saved, 'opt_out', args.reason);
}

/** A manager (MUTATIONS.optIn.minRole) brings a Dead lead back, as Hot: they wrote again. */
export async function optIn(ctx: MutationContext, args: MutationArgs<'optIn'>) {
  const lead = await loadLead(ctx, args.leadId);
  if (!isDead(lead)) reject('invalid_state', 'this lead is not opted out');
  const saved = await saveLead(ctx, lead, { status: 'hot', optedOut: false });
  await addTimelineEvent(
    ctx,
    saved,
    'opt_in',
    `Opted in by ${ctx.auth.user.name}: ${args.reason}`,
    {
      how: 'manager',
      reason: args.reason,
    },
  );
  await ledger(ctx, saved, 'opt_in', args.reason);
}

/** The consent ledger keeps the change per number, so a second lead with it is blocked too. */
function ledger(ctx: MutationContext, lead: Lead, event: ConsentEvent, reason: string) {
  return recordConsentForPhones(
    ctx.tx,
    lead.phones.map((phone) => phone.number),
    {
      tenantId: ctx.auth.tenantId,
      storeId: lead.storeId,
      event,
      at: ctx.now,
      how: event === 'opt_out' ? 'agent' : 'manager',
      byUserId: ctx.auth.userId,
      leadId: lead.id,
      sourceText: reason,
    },
  );
}
