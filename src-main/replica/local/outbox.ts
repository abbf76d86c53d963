import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry } from '../replica';
import type { Statements } from '../statements';

interface Row {
  id: string;
  name: string;
  args: string;
  created_at: number;
  attempts: number;
  last_error: string | null;
}

/** Queues a mutation; call inside the transaction that makes its local effect (DESIGN §4). */
export function enqueueMutation(
  statements: Statements,
  name: string,
  args: unknown,
  now: number,
  id: string = uuidv7(),
): OutboxEntry {
  const entry: OutboxEntry = {
    id,
    name,
    args,
    createdAt: now,
    attempts: 0,
    lastError: null,
  };
  insertMutation(statements, entry);
  return entry;
}

/** Also used by a reset to put salvaged entries back, ids and attempts unchanged. */
export function insertMutation(statements: Statements, entry: OutboxEntry): void {
  statements
    .get(
      'INSERT INTO outbox (id, name, args, created_at, attempts, last_error) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(
      entry.id,
      entry.name,
      JSON.stringify(entry.args),
      entry.createdAt,
      entry.attempts,
      entry.lastError,
    );
}

/** In the order they were made, which is the order they must reach the cloud. */
export function pendingMutations(statements: Statements): OutboxEntry[] {
  return (statements.get('SELECT * FROM outbox ORDER BY seq').all() as Row[]).map(toEntry);
}

export function completeMutation(statements: Statements, id: string): void {
  statements.get('DELETE FROM outbox WHERE id = ?').run(id);
}

export function recordMutationAttempt(
  statements: Statements,
  id: string,
  error: string | null,
): void {
  statements
    .get('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?')
    .run(error, id);
}

export function toEntry(row: Row): OutboxEntry {
  return {
    id: row.id,
    name: row.name,
    args: JSON.parse(row.args) as unknown,
    createdAt: row.created_at,
    attempts: row.attempts,
    lastError: row.last_error,
  };
}
