import type { PhotoFault } from '../../machines';
import { defaultRules } from '../../rules';
import { makeJpeg, toBase64 } from './jpeg';

/**
 * The photos simulated applicants upload, made once: encoding a JPEG per applicant would cost
 * more than the rest of the journey. Accepted ones sit inside the default rules' limits; refused
 * ones break one limit each, just past it (a personal photo's bytes, width or height), or are no
 * JPEG at all. A document (a certificate, a manual review's scan) has only a size limit.
 */
const { personalPhoto } = defaultRules.registration;
/** Past both documents' limits (a manual review's scan, a certificate's photo). */
const documentTooLarge = Math.max(defaultRules.manualReview.photoMaxBytes, defaultRules.certificates.photoMaxBytes) + 1_000;
const NOT_JPEG = Buffer.from('GIF89a: not the JPEG the portal asks for').toString('base64');

interface Photos {
  personal: string;
  document: string;
  /** A personal photo refused for each fault. */
  refused: Record<PhotoFault, string>;
  /** A document refused: too large, or no JPEG. */
  refusedDocument: { tooLarge: string; notJpeg: string };
}
let cache: Photos | undefined;

export function photos(): Photos {
  if (cache) return cache;
  const { widthPx: w, heightPx: h, bytes } = personalPhoto;
  const width = w.above + 5;
  const height = h.above + 5;
  const inRange = bytes.above + 8_000;
  cache = {
    personal: toBase64(makeJpeg(width, height, inRange)),
    document: toBase64(makeJpeg(640, 400, 60_000)),
    refused: {
      tooLarge: toBase64(makeJpeg(width, height, bytes.below + 1_000)),
      tooSmall: toBase64(makeJpeg(width, height)),
      tooWide: toBase64(makeJpeg(w.below + 10, height, inRange)),
      tooNarrow: toBase64(makeJpeg(w.above - 10, height, inRange)),
      tooTall: toBase64(makeJpeg(width, h.below + 10, inRange)),
      notJpeg: NOT_JPEG,
    },
    refusedDocument: { tooLarge: toBase64(makeJpeg(640, 400, documentTooLarge)), notJpeg: NOT_JPEG },
  };
  return cache;
}

/** The personal photo of an attempt: accepted, or refused for its fault. */
export const personalPhotoOf = (fault: PhotoFault | undefined): string => (fault ? photos().refused[fault] : photos().personal);

/** A document of an attempt: accepted, or refused (too large when that is the fault, else no JPEG). */
export const documentOf = (fault: PhotoFault | undefined): string =>
  !fault ? photos().document : fault === 'tooLarge' ? photos().refusedDocument.tooLarge : photos().refusedDocument.notJpeg;
