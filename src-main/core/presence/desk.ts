import type { LiveClientFrame, User } from '../../../src-shared';
import type { CloudApi } from '../../sync/cloud-api';
import { realTimers } from '../../sync/timers';
import type { LiveHooks, LiveStateFrame } from '../../sync/live-frames';
import type { EventHub } from '../events';
import { LeadActivityService } from '../lead-activity/lead-activity-service';
import { describeError, type CoreLog } from '../log';
import { hotkeyActions } from '../offers/hotkey-actions';
import { OfferService } from '../offers/offer-service';
import type { ConsolePorts } from '../ports';
import { AgentsPresence } from './agents-presence';
import { deviceIdFrom } from './device-id';
import { PresenceService } from './presence-service';
import { SettingsService } from './settings-service';
import { trayCommands } from './tray-commands';

/** What the desk needs of the signed-in session (src-main/sync), bound late by the core. */
export interface SessionLink {
  send(frame: LiveClientFrame): Promise<boolean>;
  cloud(): CloudApi | null;
  me(): User | null;
  signOut(): Promise<unknown>;
}

export interface DeskOptions {
  ports: ConsolePorts;
  session: SessionLink;
  /** The lead longest in Awaiting Response, for the hotkey; null when none (or no replica). */
  oldestAwaiting(): string | null;
  /** The tray's Quit: the host ends the app. */
  onQuit(): void;
  emit: EventHub['emit'];
  log: CoreLog;
  now(): number;
}

/**
 * Everything about the person at this desk (DESIGN §6, §7), wired together: settings, presence
 * and the tray, the Agents panel, ringing offers, hotkeys and who is in which lead. The sync layer reaches it through
 * `liveHooks`.
 */
export function createDesk({
  ports,
  session,
  oldestAwaiting,
  onQuit,
  emit,
  log,
  now,
}: DeskOptions) {
  let closed = false;
  const settings: SettingsService = new SettingsService({
    store: ports.settings,
    autoStart: ports.autoStart,
    registerHotkeys: (bindings) => {
      try {
        return ports.hotkeys.register(bindings, (action) => pressed(action));
      } catch (error) {
        log({ level: 'error', what: 'registering hotkeys failed', detail: describeError(error) });
        return ['acceptOffer', 'oldestAwaiting'];
      }
    },
    applied: (current) => {
      presence.settingsChanged();
      offers.soundsChanged();
      emit('settingsChanged', current);
    },
    log,
  });
  const presence = new PresenceService({
    idle: ports.idle,
    shell: ports.shell,
    settings: () => settings.settings,
    deviceId: deviceIdFrom(ports.settings),
    send: (frame) => session.send(frame),
    emit: (event, payload) => {
      emit(event, payload);
      if (event === 'presenceChanged') leadActivity.presenceChanged();
    },
    now,
  });
  const leadActivity = new LeadActivityService({
    send: (frame) => session.send(frame),
    me: () => session.me(),
    atDesk: () => presence.presence.state === 'online',
    emit,
    log,
    timers: { ...realTimers, now },
  });
  const agents = new AgentsPresence(emit, () => session.me());
  const offers = new OfferService({
    notifier: ports.notifier,
    shell: ports.shell,
    settings: () => settings.settings,
    presence,
    cloud: () => session.cloud(),
    me: () => session.me(),
    emit,
    now,
  });
  const pressed = hotkeyActions({ offers, shell: ports.shell, oldestAwaiting, emit });
  const onTray = trayCommands({
    shell: ports.shell,
    presence,
    settings,
    signOut: () => session.signOut(),
    quit: onQuit,
    emit,
    failed: (what, message) =>
      log({ level: 'warn', what: `tray: ${what} failed`, detail: message }),
  });

  const liveHooks: LiveHooks = {
    status(status) {
      if (closed) return;
      presence.liveStatus(status);
      leadActivity.liveStatus(status);
      if (status === 'stopped') {
        agents.clear();
        offers.sessionEnded();
      }
    },
    frame(frame: LiveStateFrame) {
      if (closed) return;
      switch (frame.type) {
        case 'presence-snapshot':
          return agents.snapshot(frame.users);
        case 'presence':
          return agents.update(frame.user);
        case 'offer':
          return offers.offered(frame.offer);
        case 'offer-closed':
          return offers.closedByCloud(frame.closed);
        case 'lead-activity-snapshot':
        case 'lead-activity':
        case 'lead-taken-over':
        case 'lead-refused':
          return leadActivity.frame(frame);
        default:
          return frame satisfies never;
      }
    },
    farewell: () => presence.farewell(),
  };

  let stopTray: (() => void) | null = null;
  return {
    settings,
    presence,
    agents,
    offers,
    leadActivity,
    liveHooks,

    /** Listens to the OS and the tray; registers the login item and the hotkeys. */
    start(): void {
      presence.start();
      stopTray = ports.shell.onTrayCommand(onTray);
      void settings.start();
    },

    close(): void {
      if (closed) return;
      closed = true;
      stopTray?.();
      presence.close();
      offers.close();
      leadActivity.close();
      try {
        ports.hotkeys.unregisterAll();
      } catch (error) {
        log({ level: 'warn', what: 'releasing hotkeys failed', detail: describeError(error) });
      }
    },
  };
}

export type Desk = ReturnType<typeof createDesk>;
