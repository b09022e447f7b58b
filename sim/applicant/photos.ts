import { defaultRules } from '../../rules';
import { makeJpeg, toBase64 } from './jpeg';

/**
 * The photos simulated applicants upload, made once: encoding a JPEG per applicant would cost
 * more than the rest of the journey. Sizes sit inside the default rules' limits; a refused
 * photo is one that no rule set accepts (not a JPEG).
 */
const { personalPhoto } = defaultRules.registration;
let cache: { personal: string; document: string; refused: string } | undefined;

export function photos() {
  cache ??= {
    personal: toBase64(makeJpeg(personalPhoto.widthPx.above + 5, personalPhoto.heightPx.above + 5, personalPhoto.bytes.above + 8_000)),
    document: toBase64(makeJpeg(640, 400, 60_000)),
    refused: Buffer.from('GIF89a: not the JPEG the portal asks for').toString('base64'),
  };
  return cache;
}
