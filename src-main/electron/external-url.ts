/**
 * The only links that leave the app for the OS browser: parsed https URLs, returned in the
 * parser's own spelling so what we open is exactly what we checked. `javascript:`, `file:`,
 * custom schemes (which launch other programs) and plain http give null.
 */
export function safeExternalUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
