import { z } from 'zod';

/** What the `translate` ConsoleApi method takes: texts, their language (or auto) and the target. */
export const TranslateArgs = z
  .object({
    texts: z.array(z.string().max(5000)).min(1).max(50),
    source: z.union([z.literal('auto'), z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/)]),
    target: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/),
  })
  .strict();
export type TranslateArgs = z.infer<typeof TranslateArgs>;

/** One translation per text, in order; or why there is none (no service set up on this PC). */
export type TranslateResult = { translations: string[] } | { translations: null; reason: string };
