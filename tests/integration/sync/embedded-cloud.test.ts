/**
 * "Try it on this PC" (DESIGN §3): the desktop starts the cloud's own entry as a child process
 * (PGlite, the demo dealership) in its data folder, signs in as the demo agent, reuses it while
 * it runs, resumes it after a restart with the same data, and stops it when the core closes.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_FILTERS } from '../../../src-shared';
import type {
  EmbeddedCloudLauncher,
  LaunchedCloud,
} from '../../../src-main/embedded-cloud/launcher';
import { createNodeCloudLauncher } from '../../../src-main/embedded-cloud/node-launcher';
import { startDesktop } from './harness/desktop';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'showroom-embedded-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real launcher (a small demo, to start quickly), keeping what it launched. */
function recordingLauncher(): EmbeddedCloudLauncher & { launched: LaunchedCloud[] } {
  const real = createNodeCloudLauncher({ demoLeads: 40 });
  const launched: LaunchedCloud[] = [];
  return {
    launched,
    async launch(options) {
      const cloud = await real.launch(options);
      launched.push(cloud);
      return cloud;
    },
  };
}

test('tries the demo on this PC, keeps it across a restart, and stops it on close', async () => {
  const launcher = recordingLauncher();
  const desktop = startDesktop({ dataDir, embeddedCloud: launcher });
  const noteId = uuidv7();
  let leadId: string;
  try {
    const state = await desktop.call('tryOnThisPc', {});
    expect(state.state).toBe('connecting');
    expect(state.cloudUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await desktop.connection((c) => c.state === 'online');
    expect((await desktop.call('getDirectory', {})).me.email).toBe('agent1@demo.test');

    await desktop.call('tryOnThisPc', {}); // again: the same cloud, no second process
    await desktop.connection((c) => c.state === 'online');
    expect(launcher.launched).toHaveLength(1);

    const { rows } = await desktop.call('getQueuePage', {
      folder: 'inbox',
      filters: NO_FILTERS,
      search: '',
      sort: 'newest',
      after: null,
      limit: 1,
    });
    leadId = rows[0]!.id;
    await desktop.call('mutate', {
      name: 'addNote',
      args: { leadId, noteId, text: 'Test drive Friday' },
    });
    await desktop.connection((c) => c.pendingMutations === 0);
  } finally {
    await desktop.close();
  }
  await launcher.launched[0]!.exited; // closed with the core

  const restarted = startDesktop({ dataDir, embeddedCloud: launcher });
  try {
    const state = await restarted.connection((c) => c.state === 'online');
    expect(launcher.launched).toHaveLength(2);
    expect(state.cloudUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The same data: the note made before the restart is still there, in the cloud and here.
    const notes = await restarted.call('getThread', { leadId, before: null, limit: 200 });
    expect(notes.items.some((item) => item.kind === 'event' && item.event.id === noteId)).toBe(
      true,
    );
  } finally {
    await restarted.close();
  }
  await launcher.launched[1]!.exited;
});
