import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PresenceSignal } from '../../../src-main/core';
import { createNodePorts, type PageEventName } from '../../../src-main/host-node/adapters';
import { FileSecretStore } from '../../../src-main/host-node/adapters/secret-store.node.js';
import { ConfSettingsStore } from '../../../src-main/host-node/adapters/settings-store.node.js';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'showroom-adapters-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the browser host keeps secrets in a file only this OS user can read', () => {
  it('stores, reads back after a restart, and deletes', async () => {
    const secrets = new FileSecretStore(dataDir);
    await Promise.all([secrets.set('session', 's3cret'), secrets.set('refresh', 'r3fresh')]);
    expect(statSync(secrets.file).mode & 0o777).toBe(0o600);

    const reopened = new FileSecretStore(dataDir);
    expect(await reopened.get('session')).toBe('s3cret');
    expect(await reopened.get('refresh')).toBe('r3fresh');
    await reopened.delete('session');
    expect(await reopened.get('session')).toBeNull();
    expect(await reopened.get('refresh')).toBe('r3fresh');
  });

  it('names the file when it is not readable JSON', async () => {
    const secrets = new FileSecretStore(dataDir);
    writeFileSync(secrets.file, '{not json');
    await expect(secrets.get('session')).rejects.toThrow(/secrets\.json is not valid JSON/);
  });
});

describe('settings', () => {
  it('persist in the data folder, with dotted keys kept flat and a fallback when unset', () => {
    const settings = new ConfSettingsStore(dataDir);
    expect(settings.get('presence.awayAfterMinutes', 5)).toBe(5);
    settings.set('presence.awayAfterMinutes', 10);
    expect(new ConfSettingsStore(dataDir).get('presence.awayAfterMinutes', 5)).toBe(10);
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
    expect(onDisk).toEqual({ 'presence.awayAfterMinutes': 10 });
    settings.set('presence.awayAfterMinutes', undefined);
    expect(settings.get('presence.awayAfterMinutes', 5)).toBe(5);
  });
});

describe('idle time, toasts and rings in a browser', () => {
  it('reports idle seconds set by a test at once, and activity from the page resets them', () => {
    const { idle } = createNodePorts(dataDir, () => undefined);
    const signals: PresenceSignal[] = [];
    const stop = idle.start((signal) => signals.push(signal));
    idle.setIdleSeconds(420);
    expect(signals).toEqual([{ kind: 'idle-seconds', seconds: 420 }]);
    idle.reportActivity();
    expect(idle.idleSeconds()).toBe(0);
    stop();
    idle.setIdleSeconds(30);
    expect(signals).toHaveLength(1);
  });

  it('pushes toasts to the page and rings until the last ring is stopped', () => {
    const pushed: [PageEventName, unknown][] = [];
    const { notifier } = createNodePorts(dataDir, (event, payload) =>
      pushed.push([event, payload]),
    );
    notifier.toast({ title: 'New lead', body: 'Pat Doe, Denver' });
    const stopFirst = notifier.ring();
    const stopSecond = notifier.ring();
    stopFirst();
    stopFirst();
    expect(notifier.ringing).toBe(true);
    stopSecond();
    expect(notifier.ringing).toBe(false);
    expect(notifier.toasts).toEqual([{ title: 'New lead', body: 'Pat Doe, Denver' }]);
    expect(pushed).toEqual([
      ['toast', { title: 'New lead', body: 'Pat Doe, Denver' }],
      ['ring', { ringing: true }],
      ['ring', { ringing: false }],
    ]);
  });
});
