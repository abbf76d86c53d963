import { randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** 160 random bits: 32 base32 characters, far past guessing. */
const TOKEN_BYTES = 20;
const TOKEN = /^[a-z2-7]{32}$/;

/** A fresh relay token: crypto-random, lowercase base32 (RFC 4648 alphabet, no padding). */
export function newRelayToken(): string {
  const bytes = randomBytes(TOKEN_BYTES);
  let bits = 0;
  let value = 0;
  let token = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      token += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return token;
}

export function relayAddress(token: string, domain: string): string {
  return `lead-${token}@${domain}`;
}

/**
 * The token of `lead-TOKEN@domain`, or null for any other address (another domain, another
 * shape). Mail systems may change the case of an address, never its meaning: compared lowercase.
 */
export function tokenOfAddress(address: string, domain: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  const local = address.slice(0, at).toLowerCase();
  if (address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  if (!local.startsWith('lead-')) return null;
  const token = local.slice('lead-'.length);
  return TOKEN.test(token) ? token : null;
}
