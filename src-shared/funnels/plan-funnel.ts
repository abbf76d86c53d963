import type { Funnel } from '../domain/catalog';
import { renderSmartFields, type SmartFieldContext } from '../smart-fields';

const MINUTE = 60_000;

/** One step as the customer will receive it, and when. */
export interface PlannedStep {
  body: string;
  /** The assignment instant plus the step's delay. */
  scheduledAt: number;
}

export type FunnelPlan = { ok: true; steps: PlannedStep[] } | { ok: false; problems: string[] };

/**
 * A funnel's steps for one lead: each template rendered with the lead's smart fields, each due
 * its `delayMinutes` after `now` (delays count from the assignment, not from the step before,
 * so "after 2 days" reads the same wherever the step sits). A step whose fields cannot be filled
 * (no appointment booked...) stops the plan, named by its number: a customer never gets a
 * half-filled message days later.
 */
export function planFunnel(funnel: Funnel, context: SmartFieldContext, now: number): FunnelPlan {
  const problems: string[] = [];
  const steps = funnel.steps.map((step, index) => {
    const rendered = renderSmartFields(step.body, context);
    for (const problem of rendered.problems) problems.push(`Step ${index + 1}: ${problem.message}`);
    return { body: rendered.text, scheduledAt: now + step.delayMinutes * MINUTE };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, steps };
}

/** "after 2 hours", "after 3 days": a step's delay as the assign dialog lists it. */
export function describeDelay(delayMinutes: number): string {
  if (delayMinutes === 0) return 'at once';
  const [amount, unit] =
    delayMinutes % 1440 === 0
      ? [delayMinutes / 1440, 'day']
      : delayMinutes % 60 === 0
        ? [delayMinutes / 60, 'hour']
        : [delayMinutes, 'minute'];
  return `after ${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
