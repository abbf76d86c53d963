import { z } from 'zod';
import { Id, QueueSort } from '../../../src-shared';

/**
 * Keyset cursors: where the previous page ended, as base64url JSON. Opaque to callers, checked
 * on the way back in, so a stale or hand-made cursor is a clear error, not a wrong page.
 */

const QueueCursorValue = z.tuple([QueueSort, z.number().int(), Id]);
export type QueueCursorValue = z.infer<typeof QueueCursorValue>;

/** The newest item of the next older page: time, 0 event / 1 message, row number. */
const ThreadCursorValue = z.tuple([
  z.number().int(),
  z.union([z.literal(0), z.literal(1)]),
  z.number().int(),
]);
export type ThreadCursorValue = z.infer<typeof ThreadCursorValue>;

export const encodeQueueCursor = (value: QueueCursorValue) => encode(value);
export const encodeThreadCursor = (value: ThreadCursorValue) => encode(value);

export function decodeQueueCursor(cursor: string, sort: QueueSort): QueueCursorValue {
  const value = decode(cursor, QueueCursorValue, 'queue cursor');
  if (value[0] !== sort) {
    throw new Error(
      `invalid queue cursor "${cursor}": it was made for sort "${value[0]}", not "${sort}"`,
    );
  }
  return value;
}

export function decodeThreadCursor(cursor: string): ThreadCursorValue {
  return decode(cursor, ThreadCursorValue, 'thread cursor');
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode<T>(cursor: string, schema: z.ZodType<T>, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new Error(`invalid ${what} "${cursor}": not one this replica made`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`invalid ${what} "${cursor}": not one this replica made`);
  return parsed.data;
}
