import { z } from 'zod';

/** "08:00": a time of day on the customer's clock. */
const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM from 00:00 to 23:59');

/** Texts may go out from `start` (inclusive) to `end` (exclusive), customer's local time. */
export const AllowedWindow = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .refine((window) => window.start < window.end, {
    message: 'the window must start before it ends, within one day',
    // Only once both ends are times: "8:00" is one problem, not two.
    when: (payload) => payload.issues.length === 0,
  });
export type AllowedWindow = z.infer<typeof AllowedWindow>;

/** A US state or Canadian province as the post office writes it: "FL", "ON". */
const STATE_CODE = /^[A-Z]{2}$/;

/**
 * When a store's proactive texts (scheduled, funnel steps, reminders) may reach a customer:
 * a window on the customer's clock, and stricter windows where a state's law asks for one
 * (Florida's 8:00-20:00, say). A state window only ever narrows the default: the two are
 * intersected, so a typo cannot open the night.
 */
export const QuietHours = z.object({
  allowed: AllowedWindow,
  /** Keyed by state code; a key that is not one is refused by name. */
  states: z.record(z.string(), AllowedWindow).superRefine((states, context) => {
    for (const state of Object.keys(states)) {
      if (STATE_CODE.test(state)) continue;
      context.addIssue({
        code: 'custom',
        path: [state],
        message: `"${state}" is not a state code: two capital letters, like FL or ON`,
      });
    }
  }),
});
export type QuietHours = z.infer<typeof QuietHours>;

/** The default the issue sets: 8:00 to 21:00 in the customer's time zone, nowhere stricter. */
export const DEFAULT_QUIET_HOURS: QuietHours = {
  allowed: { start: '08:00', end: '21:00' },
  states: {},
};
