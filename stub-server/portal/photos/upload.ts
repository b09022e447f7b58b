import { createHash } from 'node:crypto';
import { jpegSize } from './jpeg';

/** What the portal reads from an uploaded file (base64): its length, JPEG frame size if any, and SHA-256. */
export interface Upload {
  bytes: number;
  jpeg: { width: number; height: number } | null;
  sha256: string;
}

// Reading a file is a pure function of its text, and a simulation uploads the same few photos
// hundreds of thousands of times: the last few files read are remembered, by their text (a
// string's hash is computed once per string, so a hit costs no pass over it). Bounded, so a
// server whose every upload differs holds at most RECENT bodies.
const RECENT = 8;
const recent = new Map<string, Upload>();

export function readUpload(base64: string): Upload {
  const known = recent.get(base64);
  if (known) return known;
  const bytes = Buffer.from(base64, 'base64');
  const upload: Upload = { bytes: bytes.length, jpeg: jpegSize(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(base64, upload);
  return upload;
}
