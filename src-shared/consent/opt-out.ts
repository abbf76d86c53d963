import { classifyKeyword } from './keywords';
import { detectFreeTextOptOut, type FreeTextOptOut } from './free-text-opt-out';

/**
 * Whether an inbound text revokes consent, by either rule: a carrier keyword as the whole
 * message ("STOP", "cancel") or a revocation in ordinary words. What the compliance check
 * (`npm run optout-check`) and the corpus measure, so they judge a message as the cloud does.
 */
export function findOptOut(body: string): FreeTextOptOut | null {
  if (classifyKeyword(body) === 'opt-out') {
    const matched = body.trim();
    return { matched, reason: `The customer wrote “${matched}”, a carrier opt-out keyword.` };
  }
  return detectFreeTextOptOut(body);
}
