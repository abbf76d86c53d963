import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { contentTypeFor } from './content-types';

/**
 * Serves the built renderer. A path is decoded, resolved, and served only if the real file
 * (symlinks followed) is inside the renderer folder: `..`, `%2e%2e%2f` and links out all stop here.
 */
export async function serveStatic(
  res: ServerResponse,
  rootReal: string,
  urlPath: string,
  headOnly: boolean,
): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return sendText(res, 400, 'Bad request: the path is not valid percent-encoding.');
  }
  if (decoded.includes('\0')) return sendText(res, 400, 'Bad request: the path contains a NUL.');

  const wanted = resolve(rootReal, `.${decoded === '/' ? '/index.html' : decoded}`);
  if (!isInside(rootReal, wanted)) return sendText(res, 403, 'Forbidden: outside the app folder.');

  let file: string;
  try {
    file = await realpath(wanted);
  } catch {
    return sendText(res, 404, 'Not found.');
  }
  if (!isInside(rootReal, file)) return sendText(res, 403, 'Forbidden: outside the app folder.');
  const info = await stat(file);
  if (!info.isFile()) return sendText(res, 404, 'Not found.');

  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  if (headOnly) {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

export function isInside(root: string, candidate: string): boolean {
  const path = relative(root, candidate);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
