import { z } from 'zod';
import { SyncChangeSchema } from '../../src-shared/sync/changes';
import { MUTATIONS, type MutationName } from '../../src-shared/sync/mutations';
import { Id } from '../../src-shared/domain/common';
import type {
  ErrorBody,
  MutationResult,
  PullResponse,
  PushResponse,
} from '../../src-shared/sync/protocol';

/**
 * zod twins of the protocol's response interfaces, for /v1/openapi.json. The `satisfies`
 * checks below fail to compile when a twin and its interface drift apart.
 */
export const PullResponseSchema = z.object({
  changes: z.array(SyncChangeSchema),
  cursor: z.number().int(),
  more: z.boolean(),
  version: z.number().int(),
});

const MutationResultSchema = z.union([
  z.object({ id: Id, status: z.literal('ok') }),
  z.object({ id: Id, status: z.literal('rejected'), code: z.string(), message: z.string() }),
]);
export const PushResponseSchema = z.object({
  results: z.array(MutationResultSchema),
  version: z.number().int(),
});

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/** The batch as the API description shows it: each mutation with its own arguments. */
export const PushRequestDoc = z.object({
  clientId: Id,
  mutations: z
    .array(
      z.union(
        (Object.keys(MUTATIONS) as MutationName[]).map((name) =>
          z
            .object({ id: Id, name: z.literal(name), args: MUTATIONS[name].args })
            .meta({ title: name, description: `minRole: ${MUTATIONS[name].minRole}` }),
        ),
      ),
    )
    .min(1)
    .max(100),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<z.infer<typeof PushResponseSchema>, PushResponse>;
true satisfies Same<z.infer<typeof MutationResultSchema>, MutationResult>;
true satisfies Same<z.infer<typeof ErrorBodySchema>, ErrorBody>;
true satisfies Same<z.infer<typeof PullResponseSchema>['cursor'], PullResponse['cursor']>;
