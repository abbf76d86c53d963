import { nativeImage, type NativeImage } from 'electron';
import type { TrayState } from '../../core/ports';
import { drawStatusDot } from './icon-pixels';
import { encodePng } from './png';

/** 16 px at 100 % display scaling, the tray's size on Windows. */
const BASE_SIZE = 16;
/** Sharper dots at the 150 % and 200 % scaling many laptops use. */
const LARGER_SCALES = [1.5, 2];

/** The tray icon for a state, drawn at each scale factor Windows commonly uses. */
export function trayIcon(state: TrayState): NativeImage {
  const image = nativeImage.createFromBuffer(pngAt(state, 1), { scaleFactor: 1 });
  for (const scaleFactor of LARGER_SCALES) {
    image.addRepresentation({ scaleFactor, buffer: pngAt(state, scaleFactor) });
  }
  return image;
}

function pngAt(state: TrayState, scaleFactor: number): Buffer {
  const size = Math.round(BASE_SIZE * scaleFactor);
  return encodePng(drawStatusDot(state, size), size, size);
}
