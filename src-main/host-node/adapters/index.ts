import type { ConsolePorts } from '../../core/ports';
import { MemoryAutoStart } from './auto-start.node';
import { PageIdleSource } from './idle-source.node';
import { PageNotifier } from './notifier.node';
import type { PushToPage } from './page-events';
import { FileSecretStore } from './secret-store.node';
import { ConfSettingsStore } from './settings-store.node';
import { RecordingWindowShell } from './window-shell.node';

export type { PageEventName, PageEvents, PushToPage } from './page-events';

/** The ports with their concrete types, so the host and its tests reach the extras. */
export interface NodePorts extends ConsolePorts {
  idle: PageIdleSource;
  notifier: PageNotifier;
  autoStart: MemoryAutoStart;
  secrets: FileSecretStore;
  settings: ConfSettingsStore;
  shell: RecordingWindowShell;
}

export function createNodePorts(dataDir: string, pushToPage: PushToPage): NodePorts {
  return {
    idle: new PageIdleSource(),
    notifier: new PageNotifier(pushToPage),
    autoStart: new MemoryAutoStart(),
    secrets: new FileSecretStore(dataDir),
    settings: new ConfSettingsStore(dataDir),
    shell: new RecordingWindowShell(),
  };
}
