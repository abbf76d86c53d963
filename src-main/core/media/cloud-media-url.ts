const MEDIA_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The attachment id in `url` when it is one of the signed-in cloud's own `/v1/media/:id`
 * addresses (same origin, under the address signed in with); null for anything else, so the
 * session's token is never sent to another server. Parsed, not matched (STYLE: trusted URLs).
 */
export function cloudMediaId(url: string, cloudBaseUrl: string): string | null {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(cloudBaseUrl);
  } catch {
    return null;
  }
  if (target.origin !== base.origin || target.username || target.password) return null;
  if (target.search || target.hash) return null;
  const prefix = `${base.pathname.replace(/\/+$/, '')}/v1/media/`;
  if (!target.pathname.startsWith(prefix)) return null;
  const id = target.pathname.slice(prefix.length);
  return MEDIA_ID.test(id) ? id : null;
}
