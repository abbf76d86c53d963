/**
 * What crosses a process boundary: a value or an error a person can be told about, never a
 * thrown exception (Signal's sql_channel does the same).
 */
export const API_ERROR_CODES = [
  'invalid_arguments',
  'unknown_method',
  'not_found',
  'replica_corrupt',
  'replica_newer_version',
  'not_signed_in',
  /** The signed-in user's role does not allow it, or the lead is Dead (mutate). */
  'forbidden',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: ApiErrorCode, message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
});
