import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** What a screen must not have: the bar is 0 serious or critical violations. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs in the page (a string: this file is type-checked without the DOM library). Every rule
 * axe has for WCAG 2.0-2.2 A/AA, plus its best practices.
 */
const RUN_AXE = `(async () => {
  const results = await window.axe.run(document, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  });
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact || 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
    why: (v.nodes[0] && v.nodes[0].failureSummary) || '',
  }));
})()`;

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  /** axe's own account of the first element's failure (the measured contrast, ...). */
  why: string;
}

/**
 * Runs axe-core in the page on the whole document (WCAG 2.1 A and AA and axe's best
 * practices) and returns the serious and critical violations. axe is put into the page through
 * the DevTools protocol (Playwright's evaluate of a string), which the page's CSP does not
 * govern: an inline <script> would be refused by `script-src 'self'`, as it should be.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(`${axe.source}\n;window.axe = axe; true`);
  const findings = (await page.evaluate(RUN_AXE)) as AxeFinding[];
  return findings.filter((f) => BLOCKING_IMPACTS.has(f.impact));
}

/** One line per violation: rule id, impact, and the elements it was found on. */
export function describeFindings(screen: string, findings: readonly AxeFinding[]): string {
  if (!findings.length) return `${screen}: no serious or critical violations`;
  return [
    `${screen}: ${findings.length} serious or critical axe violation(s)`,
    ...findings.map(
      (f) =>
        `  ${f.rule} (${f.impact}): ${f.help}\n    ${f.targets.slice(0, 8).join('\n    ')}` +
        `\n    why: ${f.why.replace(/\s+/g, ' ').slice(0, 300)}`,
    ),
  ].join('\n');
}
