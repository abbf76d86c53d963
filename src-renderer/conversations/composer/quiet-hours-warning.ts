import { quietHoursAt } from '../../../src-shared/consent/quiet-hours';
import { leadDisplayName, type Lead } from '../../../src-shared/domain/lead';
import { DEFAULT_QUIET_HOURS, QuietHours } from '../../../src-shared/domain/quiet-hours-settings';
import type { Store } from '../../../src-shared/domain/tenant';

/** The live-reply warning (issue 5 item 5): what to say, and when "send later" sends. */
export interface QuietHoursWarning {
  /** "It is 22:40 for Dana (America/Denver): texts are allowed 8:00-21:00 their time." */
  text: string;
  /** "Send at 8:00 their time" */
  sendLaterLabel: string;
  /** The next allowed minute on the customer's clock: what "send later" schedules for. */
  sendAt: number;
}

/**
 * Null when a text now reaches the customer inside their allowed hours; otherwise the warning
 * the composer shows. A live reply is still allowed (the agent may be answering a question the
 * customer just asked), so this only warns and offers their next morning. The customer's clock
 * is the one the cloud's scheduled-text job uses: the texted number's area code (the lead's
 * first mobile, else first number), else the store's zone.
 */
export function quietHoursWarning(
  now: number,
  lead: Pick<Lead, 'firstName' | 'lastName' | 'phones'>,
  store: Pick<Store, 'timeZone'> & { quietHours?: unknown },
): QuietHoursWarning | null {
  const phone = (lead.phones.find((p) => p.type === 'mobile') ?? lead.phones[0])?.number ?? null;
  // A store row synced before quiet hours existed has none: the default applies, as in the cloud.
  const stored = QuietHours.safeParse(store.quietHours);
  const quietHours = stored.success ? stored.data : DEFAULT_QUIET_HOURS;
  const verdict = quietHoursAt(
    now,
    { phone, state: null },
    { timeZone: store.timeZone, quietHours },
  );
  if (verdict.allowed) return null;
  const start = clockTime(verdict.window.start);
  const end = clockTime(verdict.window.end);
  const who = lead.firstName?.trim() || leadDisplayName(lead);
  return {
    text: `It is ${clockTime(verdict.localTime)} for ${who} (${verdict.zone.timeZone}): texts are allowed ${start}-${end} their time.`,
    sendLaterLabel: `Send at ${start} their time`,
    sendAt: verdict.nextAllowed,
  };
}

/** "08:00" reads "8:00"; "22:40" stays. */
function clockTime(time: string): string {
  return time.replace(/^0(\d)/, '$1');
}
