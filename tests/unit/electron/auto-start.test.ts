import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutoLaunchAutoStart } from '../../../src-main/electron/adapters/auto-start.electron';

/** The OS's login items, as auto-launch writes them (the Run key on Windows). */
const os = vi.hoisted(() => ({
  loginItems: new Map<string, { path: string; hidden: boolean }>(),
  calls: [] as string[],
  failNext: null as Error | null,
}));

vi.mock('auto-launch', () => ({
  default: class FakeAutoLaunch {
    constructor(private options: { name: string; path: string; isHidden: boolean }) {}
    private step(name: string) {
      os.calls.push(name);
      const failure = os.failNext;
      os.failNext = null;
      if (failure) throw failure;
    }
    async isEnabled() {
      this.step('isEnabled');
      return os.loginItems.has(this.options.name);
    }
    async enable() {
      this.step('enable');
      // Like macOS's AppleScript item: enabling twice would leave two login items.
      if (os.loginItems.has(this.options.name)) throw new Error('duplicate login item');
      os.loginItems.set(this.options.name, {
        path: this.options.path,
        hidden: this.options.isHidden,
      });
    }
    async disable() {
      this.step('disable');
      os.loginItems.delete(this.options.name);
    }
  },
}));

const INSTALLED = 'C:\\Users\\ana\\AppData\\Local\\Programs\\Showroom\\Showroom.exe';

function autoStart(executable = INSTALLED, registrable = true) {
  return createAutoLaunchAutoStart({ name: 'Showroom', executable, registrable });
}

beforeEach(() => {
  os.loginItems.clear();
  os.calls.length = 0;
  os.failNext = null;
});

describe('start on login (auto-launch)', () => {
  it('registers the installed executable, to start hidden in the tray', async () => {
    await autoStart().setEnabled(true);
    expect(os.loginItems.get('Showroom')).toEqual({ path: INSTALLED, hidden: true });
    await expect(autoStart().isEnabled()).resolves.toBe(true);
  });

  it('removes the login item when switched off, and copes when there is none', async () => {
    await autoStart().setEnabled(true);
    await autoStart().setEnabled(false);
    expect(os.loginItems.size).toBe(0);
    await expect(autoStart().setEnabled(false)).resolves.toBeUndefined();
    await expect(autoStart().isEnabled()).resolves.toBe(false);
  });

  it('re-registers at every start, so the login item follows the app to a new path', async () => {
    os.loginItems.set('Showroom', { path: 'C:\\Old\\Showroom 0.9\\Showroom.exe', hidden: true });
    await autoStart().setEnabled(true);
    expect(os.loginItems.get('Showroom')?.path).toBe(INSTALLED);
    expect(os.calls).toEqual(['isEnabled', 'disable', 'enable']);
    // And the next start does it again without leaving two items behind.
    await autoStart().setEnabled(true);
    expect(os.loginItems.size).toBe(1);
  });

  it('runs one change at a time: a start-up call and a settings change do not interleave', async () => {
    const start = autoStart();
    await Promise.all([start.setEnabled(true), start.setEnabled(false), start.setEnabled(true)]);
    expect(os.calls).toEqual([
      'isEnabled',
      'enable',
      'isEnabled',
      'disable',
      'isEnabled',
      'enable',
    ]);
    expect(os.loginItems.get('Showroom')?.path).toBe(INSTALLED);
  });

  it('says what failed, and the next change still runs', async () => {
    const start = autoStart();
    os.failNext = new Error('Access is denied.');
    await expect(start.setEnabled(true)).rejects.toThrow(
      'the login item could not be registered: Access is denied.',
    );
    await start.setEnabled(true);
    expect(os.loginItems.has('Showroom')).toBe(true);
  });

  it('registers nothing from a development run, which would start the bare Electron binary', async () => {
    const dev = autoStart('/home/ana/showroom/node_modules/electron/dist/electron', false);
    await dev.setEnabled(true);
    expect(os.loginItems.size).toBe(0);
    expect(os.calls).toEqual([]);
    await expect(dev.isEnabled()).resolves.toBe(false);
  });
});
