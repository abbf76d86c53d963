/**
 * The only links that leave the app for the OS browser: parsed https URLs. `javascript:`,
 * `file:`, custom schemes (which launch other programs) and plain http never do.
 */
export function isSafeExternalUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}
