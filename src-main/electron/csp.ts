import type { RendererLocation } from './renderer-location';

const DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
};

/**
 * The console's Content-Security-Policy. Under electron-vite's dev server the React refresh
 * preamble is an inline script, so development alone allows inline scripts; the built app
 * never does.
 */
export function contentSecurityPolicy(location: RendererLocation): string {
  const directives = { ...DIRECTIVES };
  if (location.kind === 'dev-server') directives['script-src'] = "'self' 'unsafe-inline'";
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Response headers with our policy in place of any the response carried (in any casing). */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
