import type { WindowShell } from '../../core/ports';

export type ShellCall =
  | { kind: 'showConsole' }
  | { kind: 'showLeadAlert'; leadId: string }
  | { kind: 'setTrayState'; state: Parameters<WindowShell['setTrayState']>[0] };

/** The browser host has no windows or tray of its own: it records what the core asked for. */
export class RecordingWindowShell implements WindowShell {
  readonly calls: ShellCall[] = [];

  showConsole(): void {
    this.calls.push({ kind: 'showConsole' });
  }

  showLeadAlert(leadId: string): void {
    this.calls.push({ kind: 'showLeadAlert', leadId });
  }

  setTrayState(state: Parameters<WindowShell['setTrayState']>[0]): void {
    this.calls.push({ kind: 'setTrayState', state });
  }
}
