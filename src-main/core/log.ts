/**
 * What the core writes to its log. Entries name the method and the failure; they never carry
 * call arguments, message bodies or secrets (DESIGN §10), so the log is safe to attach to a
 * support ticket.
 */
export interface CoreLogEntry {
  level: 'warn' | 'error';
  what: string;
  detail?: string;
}
export type CoreLog = (entry: CoreLogEntry) => void;

export const consoleLog: CoreLog = ({ level, what, detail }) => {
  const line = detail ? `[showroom core] ${what}: ${detail}` : `[showroom core] ${what}`;
  if (level === 'error') console.error(line);
  else console.warn(line);
};

/** The name, code and stack of an error: enough to debug, bounded in size. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const text = error.stack ?? `${error.name}: ${error.message}`;
  return `${typeof code === 'string' ? `[${code}] ` : ''}${text.slice(0, 2000)}`;
}
