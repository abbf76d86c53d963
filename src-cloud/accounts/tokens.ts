import { createHash, randomBytes } from 'node:crypto';

/** An opaque secret for a bearer token or an invite link: 256 random bits. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored as their SHA-256 only. A fast hash is right here: the token is random and
 * long, so there is nothing to brute-force, and every request looks one up.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
