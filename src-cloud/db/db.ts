/**
 * The one database interface the cloud codes against. Two adapters implement it: `pg` for a
 * PostgreSQL server (DATABASE_URL) and PGlite for the embedded default; the SQL is the same.
 *
 * Conventions both adapters keep: bigint (int8) columns come back as JS numbers (versions and
 * epoch-ms instants stay far below 2^53), jsonb as parsed values, and parameters meant for jsonb
 * columns are passed as JSON text with an explicit `::jsonb` cast (pg would turn a JS array into
 * a PostgreSQL array otherwise).
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Tx = Queryable;

/**
 * Statements without parameters that travel with BEGIN and COMMIT, in the same round trip
 * (a hot transaction that holds a lock saves two). Whoever passes them makes sure any value in
 * them is safe as an SQL literal. A Db wrapping another must pass them on: they may hold a lock.
 */
export interface TransactionEnds {
  /** Runs right after BEGIN (taking a lock). */
  begin?: string;
  /** Asked once `work` resolved: what runs right before COMMIT, or null for nothing. */
  beforeCommit?: () => string | null;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Tx) => Promise<T>, ends?: TransactionEnds): Promise<T>;
  /**
   * Calls `onPayload` for every NOTIFY on `channel`, from any process on the same database.
   * `onGap` is called after a lost connection was re-established: notifications may have been
   * missed in between. Resolves to the function that stops listening.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onGap?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
