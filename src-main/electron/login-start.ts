import type { ApiResult, DesktopSettings } from '../../src-shared';

/** What auto-launch puts on the login item's command line (adapters/auto-start.electron.ts). */
export const LOGIN_START_ARGUMENT = '--hidden';

/** True when the OS started us at login (the login item), not a person. */
export function wasStartedAtLogin(argv: readonly string[]): boolean {
  return argv.includes(LOGIN_START_ARGUMENT);
}

/**
 * Whether the console opens at start-up: always when a person started Showroom; at login
 * only with "Open the console at login" (DESIGN §6), read from the core's own settings. If
 * the settings cannot be read, the tray alone is the quieter mistake.
 */
export async function opensConsoleAtStart(
  argv: readonly string[],
  call: (method: 'getSettings', args: object) => Promise<ApiResult<unknown>>,
): Promise<boolean> {
  if (!wasStartedAtLogin(argv)) return true;
  try {
    const settings = await call('getSettings', {});
    return settings.ok && (settings.value as DesktopSettings).openConsoleAtLogin === true;
  } catch {
    return false;
  }
}
