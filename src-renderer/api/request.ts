import type { ArgsOf, MethodName, ResultOf } from '../../src-shared/console-api/contract';
import type { ApiError, ApiResult } from '../../src-shared/console-api/result';
import { useCallErrors } from './call-errors-store';
import { consoleApi } from './console-api';

/**
 * Calls the core and returns the value, or null after telling the user what failed.
 * `doing` completes "Could not ...", e.g. "load the queue".
 */
export async function request<M extends MethodName>(
  method: M,
  args: ArgsOf<M>,
  doing: string,
): Promise<ResultOf<M> | null> {
  const call = consoleApi()[method] as (args: ArgsOf<M>) => Promise<ApiResult<ResultOf<M>>>;
  let result: ApiResult<ResultOf<M>>;
  try {
    result = await call(args);
  } catch (thrown) {
    // A transport that throws (socket closed mid-call) is still a failure the user must see.
    result = { ok: false, error: { code: 'internal', message: String(thrown) } };
  }
  if (result.ok) return result.value;
  useCallErrors.getState().report(`Could not ${doing}: ${explain(result.error)}`);
  return null;
}

function explain(error: ApiError): string {
  switch (error.code) {
    case 'replica_corrupt':
      return `the local cache is damaged (${error.message})`;
    case 'replica_newer_version':
      return `the local cache was written by a newer Showroom (${error.message})`;
    case 'not_signed_in':
      return 'nobody is signed in';
    case 'not_found':
      return `not found (${error.message})`;
    case 'invalid_arguments':
    case 'unknown_method':
    case 'internal':
      return error.message;
    default: {
      // Fails to compile when a code is added; an unknown code from a newer core still reads.
      const unknownCode: never = error.code;
      return `${String(unknownCode)}: ${error.message}`;
    }
  }
}
