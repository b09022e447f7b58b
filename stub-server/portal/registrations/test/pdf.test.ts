import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { onePagePdf } from '../pdf';

describe('the one-page PDF (the application form)', () => {
  const pdf = onePagePdf('Teacher qualification periodic registration - application form', ['Application number: 20263500000001', 'Name: 张三 (teacher) \\ back', '']);

  it('writes text as printable ASCII, escaping what PDF strings escape', () => {
    const text = pdf.toString('latin1');
    expect(text).toContain('T* (Name: ?? \\(teacher\\) \\\\ back) Tj\nT* () Tj\nET');
    expect(text).toContain('<< /Length 201 >>');
  });

  it('points its cross-references at its objects, byte for byte', () => {
    const text = pdf.toString('latin1');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets.map((o) => text.slice(o, o + 7))).toEqual(['1 0 obj', '2 0 obj', '3 0 obj', '4 0 obj', '5 0 obj']);
    expect(text.slice(Number(/startxref\n(\d+)/.exec(text)![1]), Number(/startxref\n(\d+)/.exec(text)![1]) + 4)).toBe('xref');
  });

  it('is the same file as ever (its bytes are what clients store)', () => {
    expect(pdf.length).toBe(746);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe('700e16d2db2b9408bfe909eddce07396a2dcd98a5919388793ac21c2d2fe98f8');
  });
});
