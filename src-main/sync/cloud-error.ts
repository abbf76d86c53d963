import type { ConnectionReason } from '../../src-shared';

/**
 * What went wrong talking to the cloud, sorted by what the desktop does about it:
 * - network: no answer (down, DNS, timeout): retry with backoff.
 * - server: a 5xx: retry with backoff.
 * - credentials: 401 (signed out elsewhere, revoked, expired): sign out, ask to sign in.
 * - version: an answer this desktop does not understand (an unknown route, table or mutation).
 * - cursor_ahead: the cloud's data is older than the replica's cursor: reset and resync.
 * - refused: any other 4xx: this request will never succeed as it is.
 */
export type CloudProblem =
  'network' | 'server' | 'credentials' | 'version' | 'cursor_ahead' | 'refused';

export class CloudError extends Error {
  constructor(
    readonly problem: CloudProblem,
    /** A sentence for a person. */
    message: string,
    readonly status: number | null = null,
    /** The cloud's error code (ErrorBody), when it sent one. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'CloudError';
  }

  /** The reason shown with the connection state; null for problems that are not about it. */
  get reason(): ConnectionReason | null {
    switch (this.problem) {
      case 'network':
      case 'server':
      case 'credentials':
      case 'version':
        return this.problem;
      case 'cursor_ahead':
      case 'refused':
        return null;
      default:
        return this.problem satisfies never;
    }
  }
}

/** "the bearer token..." -> "The bearer token....": the cloud's sentences, as a UI shows them. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
