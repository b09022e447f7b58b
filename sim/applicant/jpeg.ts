/**
 * Real JPEG files for photos (simulated applicants' uploads and tests): a deterministic picture of a given size, optionally padded
 * to an exact byte count with comment (COM) segments, which every decoder skips. Exact sizes
 * let tests probe both sides of a limit (e.g. 51200 vs 51201 bytes).
 */
import { existsSync, readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';

const QUALITY = 80;
/** A COM segment is marker (2) + length field (2) + payload; the length field counts itself. */
const SEGMENT_MIN = 4;
const SEGMENT_MAX = 2 + 0xffff;

/**
 * Encoded pictures by size and quality: a picture padded to several byte counts (the photos a run
 * uploads: accepted, too large, too small) is encoded once. jpeg-js builds its tables anew for
 * every encoding, tens of milliseconds each, so the pictures of the default rules' photos are
 * encoded ahead and kept in fixtures/ (`npm run photo-fixtures` writes them again; a test checks
 * each against a fresh encoding): a run reads five small files instead of spending about 0.15 s
 * encoding. Callers get copies: the cached bytes stay as encoded.
 */
const encoded = new Map<string, Buffer>();
/** The pictures encoded in this process (none were in fixtures/), for the fixtures' test and script. */
export const encodedHere = new Map<string, Buffer>();
/** Where the pictures encoded ahead are kept, one `${width}x${height}@${quality}.jpg` each. */
export const fixturesDirectory = new URL('./fixtures/', import.meta.url);

function encode(width: number, height: number, quality: number): Buffer {
  const key = `${width}x${height}@${quality}`;
  let image = encoded.get(key);
  if (image) return image;
  const fixture = new URL(`${key}.jpg`, fixturesDirectory);
  if (existsSync(fixture)) image = readFileSync(fixture);
  else encodedHere.set(key, (image = encodeAnew(width, height, quality)));
  encoded.set(key, image);
  return image;
}

/** A fixture's picture encoded now, to check the file against. */
export function encodeFixtureAnew(name: string): Buffer {
  const [, width, height, quality] = /^(\d+)x(\d+)@(\d+)\.jpg$/.exec(name) ?? [];
  if (!quality) throw new Error(`not a fixture's name: ${name}`);
  return encodeAnew(Number(width), Number(height), Number(quality));
}

function encodeAnew(width: number, height: number, quality: number): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`makeJpeg: bad size ${width}×${height}`);
  }
  const data = Buffer.alloc(width * height * 4);
  // A smooth gradient: deterministic and small when encoded, so low byte targets are reachable.
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      data[i] = Math.round((x / width) * 255);
      data[i + 1] = Math.round((y / height) * 255);
      data[i + 2] = 128;
      data[i + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, quality).data);
}

/** Splits `padding` bytes into COM segment sizes, each within [SEGMENT_MIN, SEGMENT_MAX]. */
function segmentSizes(padding: number): number[] {
  if (padding === 0) return [];
  const n = Math.ceil(padding / SEGMENT_MAX);
  const base = Math.floor(padding / n);
  return Array.from({ length: n }, (_, k) => base + (k < padding % n ? 1 : 0));
}

function comSegment(size: number): Buffer {
  const segment = Buffer.alloc(size, 0x20); // spaces: a harmless comment
  segment[0] = 0xff;
  segment[1] = 0xfe;
  segment.writeUInt16BE(size - 2, 2);
  return segment;
}

/**
 * A JPEG of `width`×`height` px; with `targetBytes`, exactly that many bytes (throws if the
 * picture alone is larger). Padding of 1–3 bytes cannot form a COM segment, so the picture is
 * then re-encoded at a slightly lower quality until the gap is 0 or at least 4 bytes.
 */
export function makeJpeg(width: number, height: number, targetBytes?: number): Buffer {
  let image = encode(width, height, QUALITY);
  if (targetBytes === undefined) return Buffer.from(image);
  if (targetBytes < image.length) {
    throw new Error(`makeJpeg: ${width}×${height} encodes to ${image.length} bytes, more than the target ${targetBytes}`);
  }
  const unreachable = (gap: number) => gap !== 0 && gap < SEGMENT_MIN;
  for (let quality = QUALITY - 1; unreachable(targetBytes - image.length); quality -= 1) {
    if (quality < 1) throw new Error(`makeJpeg: cannot reach exactly ${targetBytes} bytes`);
    image = encode(width, height, quality);
  }
  const padding = segmentSizes(targetBytes - image.length).map(comSegment);
  // Right after SOI (FFD8): decoders and the portal's marker walk skip COM segments there.
  const out = Buffer.concat([image.subarray(0, 2), ...padding, image.subarray(2)]);
  if (out.length !== targetBytes) throw new Error(`makeJpeg: produced ${out.length} bytes, wanted ${targetBytes}`);
  return out;
}

export const toBase64 = (b: Buffer): string => b.toString('base64');
