/**
 * A mutation the rules refuse: the desktop undoes its optimistic effect and tells the user
 * `message`. Codes a program may branch on: not_found (a missing row, or one of another tenant
 * or store: the two are not told apart), forbidden (the role does not allow it), opted_out,
 * conflict (a client-minted id already used), invalid_state, and the ones named where thrown.
 */
export class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function reject(code: string, message: string): never {
  throw new Rejection(code, message);
}
