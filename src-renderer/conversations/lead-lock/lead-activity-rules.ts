import type { ConsoleEvents } from '../../../src-shared/console-api/contract';
import {
  isEmptyActivity,
  type LeadActivity,
  type LeadLock,
  type LeadViewer,
} from '../../../src-shared/presence/lead-activity';

/** What a `leadActivity` event makes of the leads known: the whole list, or these leads. */
export function applyActivity(
  byLead: ReadonlyMap<string, LeadActivity>,
  { replace, leads }: ConsoleEvents['leadActivity'],
): Map<string, LeadActivity> {
  const next = new Map(replace ? [] : byLead);
  for (const lead of leads) {
    if (isEmptyActivity(lead)) next.delete(lead.leadId);
    else next.set(lead.leadId, lead);
  }
  return next;
}

/** The lock of a lead when someone other than `me` holds it; null when free or mine. */
export function lockedByAnother(
  activity: LeadActivity | undefined,
  me: string | undefined,
): LeadLock | null {
  const lock = activity?.lock ?? null;
  return lock && lock.userId !== me ? lock : null;
}

/** The others in a lead (not me), in the order they came. */
export function othersIn(activity: LeadActivity | undefined, me: string | undefined): LeadViewer[] {
  return (activity?.viewers ?? []).filter((viewer) => viewer.userId !== me);
}

/** "Ana is typing…", "Ana and Bo are typing…", "3 people are typing…". */
export function describeTyping(names: readonly string[]): string {
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}
