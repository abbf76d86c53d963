import type { Queryable } from '../db/db';

export interface NewMedia {
  id: string;
  tenantId: string;
  uploadedBy: string;
  name: string;
  contentType: string;
  bytes: Buffer;
  createdAt: number;
}

export async function insertMedia(db: Queryable, media: NewMedia): Promise<void> {
  await db.query(
    `INSERT INTO media (id, tenant_id, uploaded_by, name, content_type, size_bytes, bytes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      media.id,
      media.tenantId,
      media.uploadedBy,
      media.name,
      media.contentType,
      media.bytes.length,
      media.bytes,
      media.createdAt,
    ],
  );
}

/** One attachment of the tenant; null for an unknown id or another tenant's (not told apart). */
export async function readMedia(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<{ name: string; contentType: string; bytes: Buffer } | null> {
  const [row] = await db.query<{ name: string; content_type: string; bytes: Uint8Array }>(
    'SELECT name, content_type, bytes FROM media WHERE id = $1 AND tenant_id = $2',
    [id, tenantId],
  );
  if (!row) return null;
  return { name: row.name, contentType: row.content_type, bytes: Buffer.from(row.bytes) };
}
