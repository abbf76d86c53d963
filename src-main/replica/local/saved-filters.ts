import { z } from 'zod';
import { NO_FILTERS, QueueFilters } from '../../../src-shared';
import type { Statements } from '../statements';
import { enqueueMutation } from './outbox';

/** Filters are saved per user; '' holds them before anyone signs in. */
export function savedFilters(statements: Statements, userId: string | null): QueueFilters {
  const json = statements
    .get('SELECT filters FROM saved_filters WHERE user_id = ?')
    .pluck()
    .get(userId ?? '');
  if (typeof json !== 'string') return NO_FILTERS;
  const parsed = QueueFilters.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : NO_FILTERS;
}

/** Stores the filters and queues `saveFilters` for the cloud, in one transaction. */
export function saveFilters(
  statements: Statements,
  userId: string | null,
  filters: QueueFilters,
  now: number,
  mutationId?: string,
): QueueFilters {
  const result = QueueFilters.safeParse(filters);
  if (!result.success) throw new Error(`invalid filters: ${z.prettifyError(result.error)}`);
  const checked = result.data;
  statements.db.transaction(() => {
    statements
      .get(
        `INSERT INTO saved_filters (user_id, filters, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET filters = excluded.filters, updated_at = excluded.updated_at`,
      )
      .run(userId ?? '', JSON.stringify(checked), now);
    enqueueMutation(statements, 'saveFilters', { filters: checked }, now, mutationId);
  })();
  return checked;
}
