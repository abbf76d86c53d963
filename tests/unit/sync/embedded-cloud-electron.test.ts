import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createUtilityProcessCloudLauncher } from '../../../src-main/electron/adapters/embedded-cloud.electron';

/** Plays a utilityProcess: the test writes its output and ends it. */
class FakeUtilityProcess extends EventEmitter {
  static forked: {
    process: FakeUtilityProcess;
    modulePath: string;
    args: string[];
    options: Record<string, unknown>;
  }[] = [];
  stdout = new PassThrough();
  stderr = new PassThrough();
  kill = vi.fn(() => {
    queueMicrotask(() => this.emit('exit', 0));
    return true;
  });
}

const utilityProcess = vi.hoisted(() => ({
  fork: vi.fn(),
}));

vi.mock('electron', async () => ({
  ...(await import('../electron/fake-electron')),
  utilityProcess,
}));

beforeEach(() => {
  FakeUtilityProcess.forked = [];
  utilityProcess.fork.mockImplementation(
    (modulePath: string, args: string[], options: Record<string, unknown>) => {
      const process = new FakeUtilityProcess();
      FakeUtilityProcess.forked.push({ process, modulePath, args, options });
      return process;
    },
  );
});

describe('the embedded cloud in Electron', () => {
  it('runs the built cloud entry in a utilityProcess on PGlite in the data folder, and stops it', async () => {
    const launching = createUtilityProcessCloudLauncher('/app/out/main/cloud.js').launch({
      dataDir: '/data/cloud',
    });
    const [{ process, modulePath, args, options }] = FakeUtilityProcess.forked as [
      (typeof FakeUtilityProcess.forked)[number],
    ];
    expect(modulePath).toBe('/app/out/main/cloud.js');
    expect(args).toEqual(['--demo']);
    expect(options).toMatchObject({
      stdio: 'pipe',
      env: expect.objectContaining({
        HOST: '127.0.0.1',
        PORT: '0',
        SHOWROOM_DATA_DIR: '/data/cloud',
        DATABASE_URL: '',
      }),
    });

    process.stdout.write('showroom cloud listening on http://127.0.0.1:43');
    process.stdout.write('123 (demo)\n');
    const cloud = await launching;
    expect(cloud.url).toBe('http://127.0.0.1:43123');

    await cloud.stop();
    expect(process.kill).toHaveBeenCalled();
    await cloud.exited;
  });

  it('says why when the cloud ends before it listens', async () => {
    const launching = createUtilityProcessCloudLauncher('/app/out/main/cloud.js').launch({
      dataDir: '/d',
    });
    const [{ process }] = FakeUtilityProcess.forked as [(typeof FakeUtilityProcess.forked)[number]];
    process.stderr.write('showroom cloud could not start: EACCES: permission denied, mkdir /d\n');
    await new Promise((resolve) => setImmediate(resolve));
    process.emit('exit', 1);
    await expect(launching).rejects.toThrow(/stopped \(exit 1\).*EACCES/);
  });
});
