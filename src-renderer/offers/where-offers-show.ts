/**
 * Where a ringing lead is shown and heard. In Electron each offer gets its own always-on-top
 * alert window (this renderer at `#alert/<offerId>`), which rings; the console window stays
 * quiet so the same lead is not shown or rung twice. The browser host has no such window: the
 * console page shows the alerts itself and rings.
 */
export function consoleShowsOffers(): boolean {
  return window.showroom === undefined;
}
