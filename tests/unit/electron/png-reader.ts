// Reads back the PNGs the tray draws: enough of the format to check sizes and pixels, written
// apart from the encoder (bitwise CRC, its own chunk walk) so the two do not share a mistake.
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA of the pixel at (x, y). */
  pixel(x: number, y: number): [number, number, number, number];
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

export function decodePng(png: Buffer): DecodedPng {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('no signature');
  let at = 8;
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const body = png.subarray(at + 8, at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) {
      throw new Error(`bad CRC in ${type}`);
    }
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  if (header[8] !== 8 || header[9] !== 6) throw new Error('not 8-bit RGBA');
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4 + 1;
  if (raw.length !== stride * height) throw new Error('wrong amount of pixel data');
  return {
    width,
    height,
    pixel(x, y) {
      if (raw[y * stride] !== 0) throw new Error('only filter type 0 is read here');
      const start = y * stride + 1 + x * 4;
      return [raw[start]!, raw[start + 1]!, raw[start + 2]!, raw[start + 3]!];
    },
  };
}
