import {
  LEAD_SOURCES,
  type Campaign,
  type Directory,
  type Label,
  type Store,
  type Tenant,
  type User,
} from '../../../src-shared';
import type { Statements } from '../statements';

/** The names behind every id, for the signed-in user (meta `userId`); null before sign-in. */
export function directory(statements: Statements, userId: string | null): Directory | null {
  if (userId === null) return null;
  const byId = <T>(table: string, id: string) => {
    const doc = statements.get(`SELECT doc FROM ${table} WHERE id = ?`).pluck().get(id);
    return typeof doc === 'string' ? (JSON.parse(doc) as T) : null;
  };
  const me = byId<User>('users', userId);
  const tenant = me && byId<Tenant>('tenants', me.tenantId);
  if (!me || !tenant) return null;
  const all = <T extends { name: string }>(table: string) =>
    (statements.get(`SELECT doc FROM ${table}`).pluck().all() as string[])
      .map((doc) => JSON.parse(doc) as T)
      .sort((a, b) => a.name.localeCompare(b.name));
  return {
    tenant,
    me,
    stores: all<Store>('stores'),
    campaigns: all<Campaign>('campaigns'),
    users: all<User>('users'),
    labels: all<Label>('labels'),
    sources: [...LEAD_SOURCES],
  };
}
