import { DEMO_PASSWORD } from '../../../../src-shared/demo';
import { startTestCloud, type TestCloud } from '../../cloud/harness/test-cloud';

export { DEMO_PASSWORD };

/** Agents of the demo's first store (Denver): they see the same leads. */
export const AGENT1 = 'agent1@demo.test';
export const AGENT2 = 'agent2@demo.test';
export const MANAGER = 'manager@demo.test';

/**
 * A cloud on PGlite with a small demo dealer group, in this process (the cloud's own start
 * function): one per test file, it takes a few seconds to start.
 */
export function startDemoCloud(leads = 60): Promise<TestCloud> {
  return startTestCloud('pglite', { demo: true, demoLeads: leads });
}
