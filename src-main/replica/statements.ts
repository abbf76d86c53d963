import type Database from 'better-sqlite3';

/** Prepares each SQL text once; the queue builds a handful of shapes and reuses them. */
export class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  /** Bumped by every write that can change what the queries answer (memos compare it). */
  writes = 0;

  constructor(readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }
}
