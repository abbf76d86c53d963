import type { z } from 'zod';
import type { ErrorBody } from '../../src-shared/sync/protocol';

/** A failure the caller caused or must know about; answered as `ErrorBody` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** `mutations.0.args.patch.email: Invalid email address; limit: Too big: ...` */
export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Parses with a zod schema, answering 400 with every problem named. */
export function parseOr400<T>(
  schema: z.ZodType<T>,
  value: unknown,
  what: string,
  code = 'invalid_request',
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, code, `${what}: ${describeIssues(result.error)}`);
  return result.data;
}
