import {
  DEVICE_SILENT_MS,
  type PresenceReason,
  type PresenceState,
} from '../../src-shared/presence/presence';
import type { CloudServices } from '../services';
import { reportDevicePresence, touchDevice, type DeviceKey, type Touched } from './device-report';

/** A live socket writes its device's seen_at at most this often (the sweeper allows 45 s). */
export const TOUCH_EVERY_MS = 10_000;

type Reported = { state: PresenceState; reason: PresenceReason };

/**
 * The presence side of one live socket: the device it speaks for, once it has said so, and
 * when it last wrote. Writes run one after another, in the order the frames came.
 */
export class SocketPresence {
  private device: DeviceKey | null = null;
  private reported: Reported | null = null;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly services: Pick<CloudServices, 'db' | 'now' | 'log'>,
    private readonly who: { tenantId: string; userId: string },
  ) {}

  /** A presence frame: this socket is device `deviceId`, in this state. */
  report(deviceId: string, presence: Reported): void {
    const device = { ...this.who, deviceId };
    this.device = device;
    this.reported = { state: presence.state, reason: presence.reason };
    this.lastWriteAt = this.services.now();
    this.run(() => this.write(device, presence));
  }

  /** Any other frame, or a pong: the device is alive. Cheap, and rarely a write. */
  heard(): void {
    const device = this.device;
    const reported = this.reported;
    const now = this.services.now();
    if (!device || !reported || now - this.lastWriteAt < TOUCH_EVERY_MS) return;
    this.lastWriteAt = now;
    this.run(async () => {
      const touched = await touchDevice(this.services.db, device, now);
      // Counted as silent (or swept offline) meanwhile: say again what it last said it was.
      if (wasGivenUp(touched, reported, now)) await this.write(device, reported);
    });
  }

  /** Resolves once every write asked for so far is done (tests, and a clean close). */
  settled(): Promise<void> {
    return this.queue;
  }

  private write(device: DeviceKey, presence: Reported): Promise<unknown> {
    return reportDevicePresence(this.services.db, device, presence, this.services.now());
  }

  private run(work: () => Promise<unknown>): void {
    this.queue = this.queue.then(work).then(
      () => {},
      (error: unknown) =>
        this.services.log.error(
          { err: error, tenantId: this.who.tenantId, userId: this.who.userId },
          'device presence not written',
        ),
    );
  }
}

function wasGivenUp(touched: Touched | null, reported: Reported, now: number): boolean {
  if (!touched) return true;
  if (now - touched.seenBefore > DEVICE_SILENT_MS) return true;
  return touched.state === 'offline' && reported.state !== 'offline';
}
