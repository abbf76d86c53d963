import type { Attachment } from 'mailparser';
import { describe, expect, test } from 'vitest';
import type { Queryable } from '../../../src-cloud/db/db';
import { keepAttachments } from '../../../src-cloud/relay/attachments';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The media rows the attachments would be stored as. */
function recordingDb() {
  const stored: unknown[][] = [];
  const db: Queryable = {
    async query<T>(_sql: string, params: readonly unknown[] = []) {
      stored.push([...params]);
      return [] as T[];
    },
    async exec() {},
  };
  return { db, stored };
}

const file = (filename: string, contentType: string, content: Buffer) =>
  ({ filename, contentType, content }) as Attachment;

describe("an email's attachments", () => {
  test('photos and documents within 5 MB are kept; the rest is named, never stored', async () => {
    const { db, stored } = recordingDb();
    const kept = await keepAttachments(
      db,
      { tenantId: 't1', leadId: 'l1' },
      [
        file('car.png', 'image/png', PNG),
        file('fake.png', 'image/png', Buffer.from('<script>alert(1)</script>')),
        file('../../etc/quote.pdf', 'application/pdf', Buffer.from('%PDF-1.7')),
        file('huge.pdf', 'application/pdf', Buffer.alloc(5 * 1024 * 1024 + 1)),
        file('run.exe', 'application/x-msdownload', Buffer.from('MZ')),
        file('page.html', 'text/html', Buffer.from('<b>hi</b>')),
        file('empty.txt', 'text/plain', Buffer.alloc(0)),
      ],
      (id) => `https://cloud.test/v1/media/${id}`,
      1,
    );
    expect(kept.media.map((m) => [m.name, m.contentType])).toEqual([
      ['car.png', 'image/png'],
      ['quote.pdf', 'application/pdf'],
    ]);
    expect(stored).toHaveLength(2);
    expect(kept.notKept).toEqual([
      '[Attachment not kept: fake.png (not really image/png)]',
      '[Attachment not kept: huge.pdf (5.0 MB, over the 5 MB limit)]',
      '[Attachment not kept: run.exe (application/x-msdownload files are not kept)]',
      '[Attachment not kept: page.html (text/html files are not kept)]',
      '[Attachment not kept: empty.txt (empty)]',
    ]);
  });

  test('at most ten are kept', async () => {
    const { db } = recordingDb();
    const many = Array.from({ length: 12 }, (_, i) => file(`p${i}.png`, 'image/png', PNG));
    const kept = await keepAttachments(db, { tenantId: 't', leadId: 'l' }, many, (id) => id, 1);
    expect(kept.media).toHaveLength(10);
    expect(kept.notKept).toHaveLength(2);
  });
});
