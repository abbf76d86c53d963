import type { EventHub } from '../events';
import type { TrayCommand, WindowShell } from '../ports';
import type { PresenceService } from './presence-service';
import type { SettingsService } from './settings-service';

export interface TrayCommandOptions {
  shell: WindowShell;
  presence: Pick<PresenceService, 'setManual'>;
  settings: Pick<SettingsService, 'save'>;
  /** Signs the current person out (Switch user). */
  signOut(): Promise<unknown>;
  /** The host quits (the core cannot end its process). */
  quit(): void;
  emit: EventHub['emit'];
  /** A command that failed (a setting that would not save). */
  failed(what: string, message: string): void;
}

/** What each choice of the tray's menu does (DESIGN §6). */
export function trayCommands(options: TrayCommandOptions): (command: TrayCommand) => void {
  return (command) => {
    switch (command.kind) {
      case 'set-presence':
        options.presence.setManual(command.state);
        return;
      case 'open-console':
        options.shell.showConsole();
        return;
      case 'open-settings':
        options.shell.showScreen('settings');
        options.emit('showScreen', { screen: 'settings' });
        return;
      case 'set-play-sounds':
        void options.settings.save({ playSounds: command.enabled }).then((result) => {
          if (!result.ok) options.failed('turning sounds on or off', result.error.message);
        });
        return;
      case 'switch-user':
        // Signed out first, so the next person never sees the previous one's session.
        void options.signOut().then(
          () => options.shell.showConsole(),
          (error: unknown) => options.failed('switching user', String(error)),
        );
        return;
      case 'quit':
        options.quit();
        return;
      default:
        return command satisfies never;
    }
  };
}
