/**
 * The Electron alert window loads this renderer at `#alert/<offerId>` and shows only that
 * offer. Anything else in the hash is the console. The id is checked like the contract's `Id`
 * (1-64 characters) so a crafted hash cannot smuggle more than a name to look up.
 */
export function alertOfferIdFromHash(hash: string): string | null {
  const match = /^#alert\/([^/?#]{1,200})$/.exec(hash);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return id.length >= 1 && id.length <= 64 ? id : null;
}
