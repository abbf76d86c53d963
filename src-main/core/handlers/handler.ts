import type { z } from 'zod';
import type {
  ApiResult,
  ConsoleApiContract,
  ConsoleEvents,
  EventName,
  MethodName,
  ReplicaHealth,
  ResultOf,
} from '../../../src-shared';
import type { Replica } from '../../replica/replica';
import type { SyncService } from '../../sync/sync-service';
import type { Desk } from '../presence/desk';

/** What a handler may use: the replica (or the reason it is missing), sync, the event stream. */
export interface HandlerContext {
  /** The open replica; throws ReplicaUnavailableError, answered as replica_* by the core. */
  replica(): Replica;
  health(): ReplicaHealth;
  /** Resets the replica and tells every listener. */
  resetLocalCache(): Promise<ReplicaHealth>;
  emit<E extends EventName>(event: E, payload: ConsoleEvents[E]): void;
  /** Sign-in, the connection to the cloud, mutations. */
  sync: SyncService;
  /** The person at this desk: presence, desktop settings, the Agents panel, ringing offers. */
  desk: Desk;
}

/** Arguments after validation (defaults applied), which is what handlers receive. */
export type ParsedArgs<M extends MethodName> = z.output<ConsoleApiContract[M]['args']>;

export type Handler<M extends MethodName> = (
  args: ParsedArgs<M>,
  context: HandlerContext,
) => ApiResult<ResultOf<M>> | Promise<ApiResult<ResultOf<M>>>;

/** One handler per contract method: a method without one does not compile. */
export type HandlerTable = { [M in MethodName]: Handler<M> };
