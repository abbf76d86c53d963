import type { ConsolePorts } from '../../core/ports';
// `.js` on purpose: Node (and tsx) read a bare `x.node` as a native addon, not as x.node.ts.
import { MemoryAutoStart } from './auto-start.node.js';
import { PageIdleSource } from './idle-source.node.js';
import { RecordingHotkeys } from './hotkeys.node.js';
import { PageNotifier } from './notifier.node.js';
import type { PushToPage } from './page-events';
import { FileSecretStore } from './secret-store.node.js';
import { ConfSettingsStore } from './settings-store.node.js';
import { RecordingWindowShell } from './window-shell.node.js';

export type { PageEventName, PageEvents, PushToPage } from './page-events';

/** The ports with their concrete types, so the host and its tests reach the extras. */
export interface NodePorts extends ConsolePorts {
  idle: PageIdleSource;
  notifier: PageNotifier;
  autoStart: MemoryAutoStart;
  secrets: FileSecretStore;
  settings: ConfSettingsStore;
  shell: RecordingWindowShell;
  hotkeys: RecordingHotkeys;
}

export function createNodePorts(dataDir: string, pushToPage: PushToPage): NodePorts {
  return {
    idle: new PageIdleSource(),
    notifier: new PageNotifier(pushToPage),
    autoStart: new MemoryAutoStart(),
    secrets: new FileSecretStore(dataDir),
    settings: new ConfSettingsStore(dataDir),
    shell: new RecordingWindowShell(pushToPage),
    hotkeys: new RecordingHotkeys(),
  };
}
