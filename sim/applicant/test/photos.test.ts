import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { defaultRules } from '../../../rules';
import { jpegSize } from '../../../stub-server/portal';
import { documentOf, personalPhotoOf } from '../photos';
import { encodeFixtureAnew, fixturesDirectory } from '../jpeg';

const { personalPhoto: limit } = defaultRules.registration;
const within = (r: { above: number; below: number }, v: number) => v > r.above && v < r.below;
const read = (base64: string) => {
  const bytes = Buffer.from(base64, 'base64');
  return { bytes: bytes.length, size: jpegSize(bytes) };
};

describe('the photos applicants upload', () => {
  it('an accepted personal photo meets every limit; each refused one breaks just its own', () => {
    const ok = read(personalPhotoOf(undefined));
    expect(within(limit.bytes, ok.bytes) && within(limit.widthPx, ok.size!.width) && within(limit.heightPx, ok.size!.height)).toBe(true);
    const broken = (fault: Parameters<typeof personalPhotoOf>[0]) => {
      const { bytes, size } = read(personalPhotoOf(fault));
      if (!size) return ['notJpeg'];
      return [
        ...(bytes >= limit.bytes.below ? ['tooLarge'] : bytes <= limit.bytes.above ? ['tooSmall'] : []),
        ...(size.width >= limit.widthPx.below ? ['tooWide'] : size.width <= limit.widthPx.above ? ['tooNarrow'] : []),
        ...(size.height >= limit.heightPx.below ? ['tooTall'] : size.height <= limit.heightPx.above ? ['tooShort'] : []),
      ];
    };
    for (const fault of ['tooLarge', 'tooSmall', 'tooWide', 'tooNarrow', 'tooTall', 'notJpeg'] as const) expect(broken(fault)).toEqual([fault]);
  });

  it('a refused document is too large or no JPEG', () => {
    expect(read(documentOf('tooLarge')).bytes).toBeGreaterThan(defaultRules.certificates.photoMaxBytes);
    expect(read(documentOf('tooWide')).size).toBeNull();
    expect(read(documentOf(undefined)).size).not.toBeNull();
  });

  it('each picture in fixtures/ is what jpeg-js encodes now, and the default rules\' photos encode none here', async () => {
    const names = readdirSync(fixturesDirectory).filter((n) => n.endsWith('.jpg'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(readFileSync(new URL(name, fixturesDirectory)).equals(encodeFixtureAnew(name)), name).toBe(true);
    // Fresh modules: another test of this fork may have made the photos already.
    vi.resetModules();
    const jpeg = await import('../jpeg');
    const fresh = await import('../photos');
    fresh.photos();
    expect([...jpeg.encodedHere.keys()], 'pictures missing from fixtures/: run npm run photo-fixtures').toEqual([]);
  });
});
