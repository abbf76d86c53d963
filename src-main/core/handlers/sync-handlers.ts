import { ok } from '../../../src-shared';
import type { HandlerTable } from './handler';

/** Sign-in, the connection, and every change a user makes (src-main/sync). */
export const syncHandlers: Pick<
  HandlerTable,
  'getConnection' | 'signIn' | 'tryOnThisPc' | 'signOut' | 'mutate'
> = {
  getConnection: (_args, { sync }) => ok(sync.connection()),

  signIn: async ({ cloudUrl, email, password }, { sync }) =>
    ok(await sync.signIn(cloudUrl, email, password)),

  tryOnThisPc: async (_args, { sync }) => ok(await sync.tryOnThisPc()),

  signOut: async (_args, { sync }) => ok(await sync.signOut()),

  mutate: ({ name, args }, { sync }) => sync.mutate(name, args),
};
