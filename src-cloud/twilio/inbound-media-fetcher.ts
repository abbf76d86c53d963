import { v7 as uuidv7 } from 'uuid';
import type { MediaRef } from '../../src-shared/domain/media';
import type { Message } from '../../src-shared/domain/conversation';
import { insertMedia } from '../media/media-rows';
import type { CloudServices } from '../services';
import { writeInTenant } from '../sync/tenant-write';
import { loadTwilioAccount } from './account';
import { downloadTwilioMedia, TransientMediaError, type Download } from './media-download';
import { claimMediaJobs, finishMediaJob, retryMediaJob, type MediaJob } from './media-jobs';

type FetchServices = Pick<CloudServices, 'db' | 'secrets' | 'log' | 'now' | 'config' | 'publicUrl'>;

/** Tries before an attachment Twilio keeps failing to serve is given up as not kept. */
const MAX_ATTEMPTS = 4;
const RETRY_AFTER_MS = 15_000;
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * Fetches inbound MMS attachments after their message is stored, so the webhook answers Twilio
 * at once: the webhook `kick`s its message's job (not awaited), and a sweep every few seconds
 * (server.ts) `drain`s what a kick could not finish (a retry due, a process that died holding a
 * claim). When done, the images are in `media` and the message carries them as this cloud's
 * /v1/media/ID; what was not kept is said in its text: "[attachment not kept: TYPE]".
 */
export class InboundMediaFetcher {
  private readonly running = new Set<Promise<void>>();

  kick(services: FetchServices, tenantId: string, messageId: string): void {
    this.track(
      claimMediaJobs(services.db, services.now(), 1, { tenantId, messageId }).then((jobs) =>
        this.runAll(services, jobs),
      ),
      services,
    );
  }

  /** Every due job, a few at a time. */
  async drain(services: FetchServices): Promise<void> {
    for (;;) {
      const jobs = await claimMediaJobs(services.db, services.now(), 8);
      if (jobs.length === 0) return;
      await this.runAll(services, jobs);
    }
  }

  /** Resolves once every fetch started in this process has finished (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<void>, services: FetchServices): void {
    const tracked = work
      .catch((error: unknown) => services.log.error({ err: error }, 'inbound media fetch failed'))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private async runAll(services: FetchServices, jobs: MediaJob[]): Promise<void> {
    await Promise.all(jobs.map((job) => runJob(services, job)));
  }
}

async function runJob(services: FetchServices, job: MediaJob): Promise<void> {
  const account = await loadTwilioAccount(services.db, services.secrets, job.tenantId);
  const downloads: Download[] = [];
  for (const item of job.items) {
    if (!account) {
      downloads.push({ kept: false, why: `${item.contentType} (Twilio is not connected)` });
      continue;
    }
    try {
      downloads.push(await downloadTwilioMedia(item, account, services.config.twilioApiOrigin));
    } catch (error) {
      if (!(error instanceof TransientMediaError)) throw error;
      if (job.attempts < MAX_ATTEMPTS) {
        services.log.warn(
          { messageId: job.messageId, attempt: job.attempts, err: error },
          'inbound media not fetched yet; trying again',
        );
        await retryMediaJob(services.db, job, services.now() + RETRY_AFTER_MS * job.attempts);
        return;
      }
      downloads.push({ kept: false, why: `${item.contentType} (Twilio did not serve it)` });
    }
  }
  await attach(services, job, downloads);
}

/** Stores the images and adds them, and the notes of what was not kept, to the message. */
async function attach(services: FetchServices, job: MediaJob, downloads: Download[]) {
  const now = services.now();
  const base = services.publicUrl().replace(/\/+$/, '');
  await writeInTenant(services.db, job.tenantId, async (tx, write) => {
    const [found] = await tx.query<{ row: Message }>(
      'SELECT row FROM messages WHERE tenant_id = $1 AND id = $2 AND NOT deleted',
      [job.tenantId, job.messageId],
    );
    await finishMediaJob(tx, job);
    if (!found) return;
    const media: MediaRef[] = [];
    const notes: string[] = [];
    for (const [index, download] of downloads.entries()) {
      if (!download.kept) {
        notes.push(`[attachment not kept: ${download.why}]`);
        continue;
      }
      const id = uuidv7();
      const name = `${found.row.providerId ?? 'mms'}-${index + 1}.${EXTENSIONS[download.contentType] ?? 'bin'}`;
      await insertMedia(tx, {
        id,
        tenantId: job.tenantId,
        uploadedBy: 'customer',
        name,
        contentType: download.contentType,
        bytes: download.bytes,
        createdAt: now,
      });
      media.push({ url: `${base}/v1/media/${id}`, contentType: download.contentType, name });
    }
    const body = [found.row.body, ...notes].filter((line) => line !== '').join('\n');
    await write.update('messages', { ...found.row, media: [...found.row.media, ...media], body });
  });
}
