import { z } from 'zod';

/** An Electron accelerator ("CommandOrControl+Shift+A"); checked by the OS when registered. */
const Accelerator = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9+]+$/, 'a key combination like CommandOrControl+Shift+A');

export const HOTKEY_ACTIONS = ['acceptOffer', 'oldestAwaiting'] as const;
export type HotkeyAction = (typeof HOTKEY_ACTIONS)[number];

/**
 * The desktop's own settings (the tray's Settings screen, DESIGN §6), per OS user, stored with
 * electron-store (`conf` in the browser host). Every field has a default, so a missing or
 * damaged value falls back instead of stopping the app.
 */
export const DesktopSettings = z
  .object({
    /** "Allow application to set my presence". */
    autoPresence: z.boolean().default(true),
    /** "Start Showroom on login". */
    startOnLogin: z.boolean().default(true),
    /** "Open the console at login" (otherwise a login start stays in the tray). */
    openConsoleAtLogin: z.boolean().default(false),
    awayAfterMinutes: z.number().int().min(1).max(240).default(5),
    extendedAwayAfterMinutes: z.number().int().min(2).max(480).default(15),
    playSounds: z.boolean().default(true),
    hotkeys: z
      .object({
        acceptOffer: Accelerator.default('CommandOrControl+Shift+A'),
        oldestAwaiting: Accelerator.default('CommandOrControl+Shift+W'),
      })
      .default({
        acceptOffer: 'CommandOrControl+Shift+A',
        oldestAwaiting: 'CommandOrControl+Shift+W',
      }),
  })
  .refine((s) => s.extendedAwayAfterMinutes > s.awayAfterMinutes, {
    message: 'extended away must come after away',
    path: ['extendedAwayAfterMinutes'],
  });
export type DesktopSettings = z.infer<typeof DesktopSettings>;

/** What `saveSettings` takes: any of the fields; the whole is checked again once merged. */
export const DesktopSettingsPatch = z
  .object({
    autoPresence: z.boolean(),
    startOnLogin: z.boolean(),
    openConsoleAtLogin: z.boolean(),
    awayAfterMinutes: z.number().int().min(1).max(240),
    extendedAwayAfterMinutes: z.number().int().min(2).max(480),
    playSounds: z.boolean(),
    hotkeys: z.object({ acceptOffer: Accelerator, oldestAwaiting: Accelerator }).partial().strict(),
  })
  .partial()
  .strict();
export type DesktopSettingsPatch = z.infer<typeof DesktopSettingsPatch>;

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = DesktopSettings.parse({});
