/** The one line format every benchmark prints and scripts read (bench/README.md). */

/** `=`: a count that must be exact (one winner of a race). */
export type Target = ['<=' | '>=' | '=', number];

export function benchLine(
  id: string,
  metric: string,
  value: number,
  unit: string,
  target?: Target,
): void {
  const decimals = Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(1);
  if (!target) return console.log(`bench ${id} ${metric} ${decimals} ${unit} target info`);
  const [op, limit] = target;
  const shown = op === '=' ? String(value) : decimals;
  const ok = op === '<=' ? value <= limit : op === '>=' ? value >= limit : value === limit;
  console.log(
    `bench ${id} ${metric} ${shown} ${unit} target ${op} ${limit} ${unit} ${ok ? 'ok' : 'miss'}`,
  );
}

/** The p-th percentile (0-100) of samples, by the nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN
  );
}
