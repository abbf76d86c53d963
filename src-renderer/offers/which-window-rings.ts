/**
 * With several Electron alert windows open, only one rings, or their rings would clash: the
 * window of the offer that rang first among those still ringing. When it is answered or
 * closes, the next window takes the ring over.
 */
export function ringsInThisWindow(ownOfferId: string, ringingOfferIds: readonly string[]): boolean {
  return ringingOfferIds[0] === ownOfferId;
}
