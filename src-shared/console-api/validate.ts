import type { z } from 'zod';
import { consoleApi, type MethodName } from './contract';
import { fail, ok, type ApiResult } from './result';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(consoleApi, name);
}

/** Checks a call against the contract; the error names the method and the field. */
export function validateCall(
  method: unknown,
  args: unknown,
): ApiResult<{ method: MethodName; args: unknown }> {
  if (!isMethodName(method))
    return fail('unknown_method', `unknown method: ${String(method).slice(0, 60)}`);
  const parsed = consoleApi[method].args.safeParse(args);
  if (!parsed.success)
    return fail('invalid_arguments', `${method}: ${describeIssues(parsed.error)}`);
  return ok({ method, args: parsed.data });
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(arguments)'}: ${issue.message}`)
    .join('; ');
}
