import type { TrayState } from '../../core/ports';

type Rgb = readonly [number, number, number];

/** DESIGN §6: the tray shows the presence at a glance, plus "connecting" while offline. */
export const TRAY_COLOURS: Record<TrayState, Rgb> = {
  online: [34, 169, 79], // green
  away: [245, 197, 24], // yellow
  extended_away: [240, 127, 26], // orange
  offline: [142, 149, 156], // grey
  connecting: [59, 130, 246], // blue
};

/** Subsamples per pixel side: smooth edges without an image library. */
const SUPERSAMPLE = 4;

/**
 * A status dot, `size` pixels square, as RGBA: a disc in the state's colour with a darker rim,
 * so it reads on light and dark taskbars alike. Offline is a ring (hollow), so it differs from
 * the others by shape as well as colour.
 */
export function drawStatusDot(state: TrayState, size: number): Uint8Array {
  const fill = TRAY_COLOURS[state];
  const rim: Rgb = [fill[0] * 0.6, fill[1] * 0.6, fill[2] * 0.6];
  const centre = size / 2;
  const outer = size * 0.44;
  const rimWidth = Math.max(1, size / 16);
  const hole = state === 'offline' ? outer * 0.45 : 0;

  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let alpha = 0;
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const dx = x + (sx + 0.5) / SUPERSAMPLE - centre;
          const dy = y + (sy + 0.5) / SUPERSAMPLE - centre;
          const distance = Math.hypot(dx, dy);
          if (distance > outer || distance < hole) continue;
          const edge = distance > outer - rimWidth || (hole > 0 && distance < hole + rimWidth);
          const colour = edge ? rim : fill;
          alpha += 1;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
        }
      }
      const at = (y * size + x) * 4;
      if (alpha === 0) continue;
      pixels[at] = Math.round(red / alpha);
      pixels[at + 1] = Math.round(green / alpha);
      pixels[at + 2] = Math.round(blue / alpha);
      pixels[at + 3] = Math.round((255 * alpha) / SUPERSAMPLE ** 2);
    }
  }
  return pixels;
}
