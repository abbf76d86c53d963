import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The cloud's key for secrets at rest: `SHOWROOM_SECRET_KEY` (32 bytes, base64) when set, as a
 * deployment with several processes needs; otherwise a key file made once in the data folder
 * (readable by this OS user only), which suits the embedded, single-process cloud.
 */
export async function loadSecretKey(secretKey: string | null, dataDir: string): Promise<Buffer> {
  if (secretKey !== null) return keyFrom(secretKey, 'SHOWROOM_SECRET_KEY');
  const file = join(dataDir, 'secret.key');
  try {
    return keyFrom((await readFile(file, 'utf8')).trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true });
  // 'wx': two processes starting at once never overwrite each other's key.
  await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return keyFrom((await readFile(file, 'utf8')).trim(), file);
}

function keyFrom(base64: string, where: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) {
    throw new Error(
      `${where}: the secret key must be 32 bytes in base64 (openssl rand -base64 32)`,
    );
  }
  return key;
}
