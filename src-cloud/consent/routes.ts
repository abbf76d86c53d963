import { z } from 'zod';
import { Id } from '../../src-shared/domain/common';
import { hasRole, type AuthContext } from '../accounts/auth-context';
import type { Queryable } from '../db/db';
import { HttpError } from '../http/errors';
import { signedInRoute } from '../http/route';
import { consentCsv } from './export';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day (YYYY-MM-DD, UTC) or an instant with its offset (2026-03-01T08:00:00-07:00). */
const When = z
  .string()
  .max(40)
  .refine(
    (text) =>
      (DATE.test(text) || /T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) && !Number.isNaN(Date.parse(text)),
    'a date (YYYY-MM-DD, UTC) or a date and time with its offset',
  );

export const consentRoutes = [
  signedInRoute({
    method: 'GET',
    url: '/v1/consent.csv',
    summary:
      "The consent ledger as CSV: every opt-out and opt-in of a number (when, store, number, event, who or what, the words that did it). Managers get their stores', admins every store's; `storeId` narrows to one (404 when it is not one of yours), `from` and `to` (a YYYY-MM-DD day in UTC, `to` inclusive, or an instant with its offset) to a period.",
    access: 'manager',
    query: z
      .object({ storeId: Id.optional(), from: When.optional(), to: When.optional() })
      .strict(),
    handle: async ({ services, auth, query, reply }) => {
      const from = query.from === undefined ? null : Date.parse(query.from);
      const to =
        query.to === undefined ? null : Date.parse(query.to) + (DATE.test(query.to) ? DAY_MS : 0);
      if (from !== null && to !== null && to <= from) {
        throw new HttpError(400, 'invalid_request', 'to: the period ends before it starts');
      }
      const storeIds = await exportableStores(services.db, auth, query.storeId);
      const csv = await consentCsv(services.db, { tenantId: auth.tenantId, storeIds, from, to });
      const day = new Date(services.now()).toISOString().slice(0, 10);
      return reply
        .code(200)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="consent-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  }),
];

/**
 * The stores whose ledger this caller may export: an admin every store of the dealer group, a
 * manager the stores they are a member of. One asked for that is not among them is a 404, as
 * another tenant's is.
 */
async function exportableStores(
  db: Queryable,
  auth: AuthContext,
  storeId: string | undefined,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM stores WHERE tenant_id = $1 AND NOT deleted ORDER BY id',
    [auth.tenantId],
  );
  const mine = rows
    .map((row) => row.id)
    .filter((id) => hasRole(auth.role, 'admin') || auth.storeIds.includes(id));
  if (storeId === undefined) return mine;
  if (!mine.includes(storeId))
    throw new HttpError(404, 'not_found', `storeId: no store ${storeId} here`);
  return [storeId];
}
