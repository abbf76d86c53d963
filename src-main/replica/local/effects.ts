import type { SyncChange } from '../../../src-shared';
import type { LocalEffect } from '../replica';
import type { Statements } from '../statements';

interface Row {
  mutation_id: string;
  name: string;
  args: string;
  created_at: number;
  undo: string;
  confirmed_version: number | null;
}

/** Oldest first: the order they were applied in, and must be applied again in. */
export function localEffects(statements: Statements): LocalEffect[] {
  return (statements.get('SELECT * FROM local_effects ORDER BY seq').all() as Row[]).map((row) => ({
    mutationId: row.mutation_id,
    name: row.name,
    args: JSON.parse(row.args) as unknown,
    createdAt: row.created_at,
    undo: JSON.parse(row.undo) as SyncChange[],
    confirmedVersion: row.confirmed_version,
  }));
}

/** Adds an effect at the end, or updates one in place (its order never changes). */
export function putLocalEffect(statements: Statements, effect: LocalEffect): void {
  statements
    .get(
      `INSERT INTO local_effects (mutation_id, name, args, created_at, undo, confirmed_version)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (mutation_id) DO UPDATE SET
         undo = excluded.undo, confirmed_version = excluded.confirmed_version`,
    )
    .run(
      effect.mutationId,
      effect.name,
      JSON.stringify(effect.args),
      effect.createdAt,
      JSON.stringify(effect.undo),
      effect.confirmedVersion,
    );
}

export function deleteLocalEffect(statements: Statements, mutationId: string): void {
  statements.get('DELETE FROM local_effects WHERE mutation_id = ?').run(mutationId);
}
