import { isKnownTimeZone } from '../domain/zoned-time';
import { AREA_CODE_ZONES } from './area-code-zones';

/** What we know of where a customer is: their phone and, when known, their address's state. */
export interface CustomerWhereabouts {
  /** E.164; only US and Canadian numbers tell a zone. */
  phone: string | null;
  /** The state or province of their address ("FL", "on"), or null when unknown. */
  state: string | null;
}

/** The zone a customer's clock keeps, which state's rules apply, and how we know. */
export interface CustomerZone {
  timeZone: string;
  /** Two letters, upper case; null when neither the address nor the number tells. */
  state: string | null;
  source: 'address' | 'area-code' | 'store';
}

interface AreaCodeEntry {
  state: string;
  timeZone: string;
}

const BY_AREA_CODE = new Map<string, AreaCodeEntry>();
/** A state's own zone: its first row in the table. */
const STATE_ZONE = new Map<string, string>();
for (const [state, timeZone, codes] of AREA_CODE_ZONES) {
  if (!STATE_ZONE.has(state)) STATE_ZONE.set(state, timeZone);
  for (const code of codes.split(' ').filter(Boolean)) BY_AREA_CODE.set(code, { state, timeZone });
}

/** A NANP number: +1, then an area code that starts 2-9. */
const NANP = /^\+1([2-9]\d{2})[2-9]\d{6}$/;

/** The state and zone a US or Canadian number's area code serves, or null. */
export function areaCodeZone(phone: string): AreaCodeEntry | null {
  const areaCode = NANP.exec(phone)?.[1];
  return areaCode === undefined ? null : (BY_AREA_CODE.get(areaCode) ?? null);
}

/** The zone an address in this state keeps (its main zone), or null for an unknown state. */
export function stateZone(state: string): string | null {
  return STATE_ZONE.get(state.trim().toUpperCase()) ?? null;
}

/**
 * Where the customer's clock is. The address wins over the number: people keep their numbers
 * when they move. When both point at the same state, the number's zone is the finer one (a 915
 * number with a Texas address is in El Paso, on Mountain time). Neither: the store's own zone.
 */
export function customerZone(customer: CustomerWhereabouts, storeTimeZone: string): CustomerZone {
  const byNumber = customer.phone === null ? null : areaCodeZone(customer.phone);
  const state = customer.state?.trim().toUpperCase() || null;
  const byAddress = state === null ? null : stateZone(state);
  if (state !== null && byAddress !== null) {
    const timeZone = byNumber?.state === state ? byNumber.timeZone : byAddress;
    return { timeZone, state, source: 'address' };
  }
  if (byNumber !== null) return { ...byNumber, source: 'area-code' };
  // A store saved with a zone this runtime does not know still needs a clock to wait on.
  const timeZone = isKnownTimeZone(storeTimeZone) ? storeTimeZone : 'UTC';
  return { timeZone, state, source: 'store' };
}
