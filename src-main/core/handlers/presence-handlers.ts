import { ok } from '../../../src-shared';
import type { HandlerTable } from './handler';

/** This desk's presence and settings, and everyone's presence for managers (DESIGN §6). */
export const presenceHandlers: Pick<
  HandlerTable,
  'getPresence' | 'setPresence' | 'getSettings' | 'saveSettings' | 'getAgentsPresence'
> = {
  getPresence: (_args, { desk }) => ok(desk.presence.presence),

  setPresence: ({ state }, { desk }) => ok(desk.presence.setManual(state)),

  getSettings: (_args, { desk }) => ok(desk.settings.settings),

  saveSettings: ({ settings }, { desk }) => desk.settings.save(settings),

  getAgentsPresence: (_args, { desk }) => desk.agents.list(),
};
