import type { AutoStart } from '../../core/ports';

/**
 * The browser host is started by hand (`npm start`) or by a test, so there is no login item to
 * manage; registering one would start a server at login that nobody asked for. The setting is
 * kept in memory so the settings window behaves the same as in Electron.
 */
export class MemoryAutoStart implements AutoStart {
  private enabled = false;

  async isEnabled(): Promise<boolean> {
    return this.enabled;
  }

  async setEnabled(enabled: boolean): Promise<void> {
    this.enabled = enabled;
  }
}
