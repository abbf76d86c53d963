/** The cloud id kept for "Try it on this PC": its port changes with each start, its data does not. */
export const EMBEDDED_CLOUD = 'this-pc';

/**
 * The cloud URL as kept and compared: parsed, not matched (STYLE.md), http(s) only, without a
 * trailing slash, query or fragment. "https://Cloud.Example.com/" and
 * "https://cloud.example.com" are the same cloud.
 */
export function normalizeCloudUrl(input: string): string {
  const url = new URL(input.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`a cloud address starts with https:// (got ${url.protocol})`);
  }
  if (url.username || url.password) throw new Error('a cloud address carries no user name');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}
