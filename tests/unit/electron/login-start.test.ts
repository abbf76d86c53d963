import { describe, expect, it, vi } from 'vitest';
import { opensConsoleAtStart, wasStartedAtLogin } from '../../../src-main/electron/login-start';

const settings = (openConsoleAtLogin: boolean) =>
  vi.fn(async () => ({ ok: true as const, value: { openConsoleAtLogin } }));

describe('a start at login', () => {
  it('is told apart by the argument the login item carries', () => {
    expect(wasStartedAtLogin(['Showroom.exe', '--hidden'])).toBe(true);
    expect(wasStartedAtLogin(['Showroom.exe'])).toBe(false);
  });

  it('opens the console for a person without asking the settings', async () => {
    const call = settings(false);
    await expect(opensConsoleAtStart(['Showroom.exe'], call)).resolves.toBe(true);
    expect(call).not.toHaveBeenCalled();
  });

  it('follows "Open the console at login" at login', async () => {
    await expect(opensConsoleAtStart(['S', '--hidden'], settings(true))).resolves.toBe(true);
    await expect(opensConsoleAtStart(['S', '--hidden'], settings(false))).resolves.toBe(false);
  });

  it('stays in the tray when the settings cannot be read', async () => {
    const failing = vi.fn(async () => ({
      ok: false as const,
      error: { code: 'internal' as const, message: 'no' },
    }));
    const throwing = vi.fn(async () => {
      throw new Error('core gone');
    });
    await expect(opensConsoleAtStart(['S', '--hidden'], failing)).resolves.toBe(false);
    await expect(opensConsoleAtStart(['S', '--hidden'], throwing)).resolves.toBe(false);
  });
});
