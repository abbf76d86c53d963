import type { Statements } from '../statements';

/** Keys of the `meta` table that more than one module reads. */
export const META_KEYS = {
  userId: 'userId',
  tenantId: 'tenantId',
  cloudUrl: 'cloudUrl',
  syncCursor: 'syncCursor',
  /** Names this replica to the cloud, which remembers (clientId, mutation id) pairs. */
  clientId: 'clientId',
  /** Who signed out last: their outbox and rows wait here until they sign in again. */
  signedOutUserId: 'signedOutUserId',
} as const;

/** What a reset carries over to the fresh file: enough to sign back in, not the sync cursor. */
export const META_KEPT_ON_RESET: readonly string[] = [
  META_KEYS.userId,
  META_KEYS.tenantId,
  META_KEYS.cloudUrl,
  // The outbox is kept, so is the name the cloud knows its entries under: a resend stays a no-op.
  META_KEYS.clientId,
  META_KEYS.signedOutUserId,
];

export function getMeta(statements: Statements, key: string): string | null {
  const value = statements.get('SELECT value FROM meta WHERE key = ?').pluck().get(key);
  return typeof value === 'string' ? value : null;
}

export function setMeta(statements: Statements, key: string, value: string | null): void {
  if (value === null) statements.get('DELETE FROM meta WHERE key = ?').run(key);
  else {
    statements
      .get(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }
}
