import type { ArgsOf, MethodName, ResultOf } from '../../src-shared/console-api/contract';
import type { ApiError, ApiResult } from '../../src-shared/console-api/result';
import { useCallErrors } from './call-errors-store';
import { consoleApi } from './console-api';

const replicaUnavailableListeners = new Set<() => void>();
const signedOutListeners = new Set<() => void>();

/** Called when a call fails because the local cache is unusable (the health banner listens). */
export function whenReplicaUnavailable(listener: () => void): void {
  replicaUnavailableListeners.add(listener);
}

/** Called when a call fails because nobody is signed in any more (the session gate listens). */
export function whenSignedOut(listener: () => void): void {
  signedOutListeners.add(listener);
}

/** Calls the core and returns its ApiResult as is; a transport that throws becomes a failure. */
export async function callCore<M extends MethodName>(
  method: M,
  args: ArgsOf<M>,
): Promise<ApiResult<ResultOf<M>>> {
  const call = consoleApi()[method] as (args: ArgsOf<M>) => Promise<ApiResult<ResultOf<M>>>;
  try {
    return await call(args);
  } catch (thrown) {
    // A transport that throws (socket closed mid-call) is still a failure the user must see.
    return { ok: false, error: { code: 'internal', message: String(thrown) } };
  }
}

/**
 * Calls the core and returns the value, or null after telling the user what failed.
 * `doing` completes "Could not ...", e.g. "load the queue".
 */
export async function request<M extends MethodName>(
  method: M,
  args: ArgsOf<M>,
  doing: string,
): Promise<ResultOf<M> | null> {
  const result = await callCore(method, args);
  if (result.ok) return result.value;
  if (result.error.code === 'replica_corrupt' || result.error.code === 'replica_newer_version') {
    // The replica-health banner says this once, with the way out; a line per failed call would
    // only bury it.
    replicaUnavailableListeners.forEach((listener) => listener());
  } else if (result.error.code === 'not_signed_in') {
    // The session ended under this view (signed out elsewhere, a revoked token): the sign-in
    // screen says so, not a line per view that could not load.
    signedOutListeners.forEach((listener) => listener());
  } else {
    useCallErrors.getState().report(`Could not ${doing}: ${explain(result.error)}`);
  }
  return null;
}

export function explain(error: ApiError): string {
  switch (error.code) {
    case 'replica_corrupt':
    case 'replica_newer_version':
    case 'not_found':
    case 'invalid_arguments':
    case 'forbidden':
    case 'unknown_method':
    case 'internal':
      return error.message;
    case 'not_signed_in':
      return 'nobody is signed in';
    default: {
      // Fails to compile when a code is added; an unknown code from a newer core still reads.
      const unknownCode: never = error.code;
      return `${String(unknownCode)}: ${error.message}`;
    }
  }
}
