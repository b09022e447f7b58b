import type { PhotoMeta } from '../records';
import { invalid, type FieldError } from '../problem';
import { readUpload } from './upload';

/** Limits a photo must meet; exclusive ranges, as the seeds state them ("大于…小于…"). */
export interface PhotoLimits {
  bytes?: { above: number; below: number };
  widthPx?: { above: number; below: number };
  heightPx?: { above: number; below: number };
}

// At module level: a closure made per call costs a hidden-class change each time under tsx (esbuild's keepNames names it as it is made).
const outside = (range: { above: number; below: number } | undefined, value: number): boolean =>
  range !== undefined && !(value > range.above && value < range.below);

/**
 * Checks an uploaded photo (base64) against limits read from the file itself; throws a 422
 * naming `field` with PHOTO_NOT_JPEG, PHOTO_TOO_SMALL/LARGE, PHOTO_WIDTH or PHOTO_HEIGHT.
 */
export function checkPhoto(base64: string, limits: PhotoLimits, field = 'photo'): PhotoMeta {
  const { bytes, jpeg: size, sha256 } = readUpload(base64);
  if (!size) throw invalid([{ field, code: 'PHOTO_NOT_JPEG', message: 'the file is not a JPEG image' }]);
  const errors: FieldError[] = [];
  if (outside(limits.bytes, bytes)) {
    const tooSmall = bytes <= limits.bytes!.above;
    errors.push({
      field, code: tooSmall ? 'PHOTO_TOO_SMALL' : 'PHOTO_TOO_LARGE',
      message: `${bytes} bytes; must be more than ${limits.bytes!.above} and less than ${limits.bytes!.below}`,
    });
  }
  if (outside(limits.widthPx, size.width)) {
    errors.push({ field, code: 'PHOTO_WIDTH', message: `width ${size.width} px; must be over ${limits.widthPx!.above} and under ${limits.widthPx!.below}` });
  }
  if (outside(limits.heightPx, size.height)) {
    errors.push({ field, code: 'PHOTO_HEIGHT', message: `height ${size.height} px; must be over ${limits.heightPx!.above} and under ${limits.heightPx!.below}` });
  }
  if (errors.length > 0) throw invalid(errors);
  return { bytes, ...size, sha256 };
}

/** Limits of "JPG under N bytes" (manual review, certificate photos). */
export const underBytes = (max: number): PhotoLimits => ({ bytes: { above: 0, below: max } });
