import { z } from 'zod';
import { Folder } from './folders';
import { QueueFilters } from './filters';

export const QUEUE_SORTS = ['newest', 'longest_waiting'] as const;
export const QueueSort = z.enum(QUEUE_SORTS);
export type QueueSort = z.infer<typeof QueueSort>;

/** Opaque to callers: the replica encodes where the previous page ended (keyset pagination). */
export const QueueCursor = z.string().max(200);

export const QueueQuery = z.object({
  folder: Folder,
  filters: QueueFilters,
  search: z.string().max(200),
  sort: QueueSort,
  after: QueueCursor.nullable(),
  limit: z.number().int().min(1).max(200),
});
export type QueueQuery = z.infer<typeof QueueQuery>;
