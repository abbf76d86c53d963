/** A typed value read, or why not, in words for the person who typed it. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const accepted = <T>(value: T): FieldResult<T> => ({ ok: true, value });
export const refused = <T = never>(error: string): FieldResult<T> => ({ ok: false, error });
