import { nextAllowedInstant } from '../../src-shared/consent/quiet-hours';
import type { Lead } from '../../src-shared/domain/lead';
import { DEFAULT_QUIET_HOURS, QuietHours } from '../../src-shared/domain/quiet-hours-settings';
import type { Store } from '../../src-shared/domain/tenant';
import { isDead } from '../mutations/rows';

/** What becomes of a due scheduled text, decided at the moment it would go out. */
export type ReleaseDecision =
  | { kind: 'queue' }
  /** The customer revoked consent after it was scheduled: it fails, never sent. */
  | { kind: 'opted-out' }
  /** Their clock is in quiet hours: it waits for the next allowed minute. */
  | { kind: 'wait'; until: number };

/**
 * Consent and quiet hours are checked again when the text is due, not only when it was
 * scheduled (issue 5, item 6): a lead may have said STOP overnight, and a text scheduled for
 * 23:00 their time must wait for 8:00.
 */
export function releaseDecision(
  now: number,
  lead: Lead,
  store: Pick<Store, 'timeZone'> & { quietHours?: unknown },
): ReleaseDecision {
  if (isDead(lead)) return { kind: 'opted-out' };
  // A store row written before quiet hours existed has none: the default applies.
  const stored = QuietHours.safeParse(store.quietHours);
  const quietHours = stored.success ? stored.data : DEFAULT_QUIET_HOURS;
  const allowed = nextAllowedInstant(
    now,
    { phone: textedPhone(lead), state: null },
    { timeZone: store.timeZone, quietHours },
  );
  return allowed === now ? { kind: 'queue' } : { kind: 'wait', until: allowed };
}

/**
 * The number a text goes to: the lead's first mobile, else its first number. (Leads carry no
 * postal address yet; when they do, its state goes in beside the phone and wins over it.)
 */
function textedPhone(lead: Lead): string | null {
  return (lead.phones.find((phone) => phone.type === 'mobile') ?? lead.phones[0])?.number ?? null;
}
