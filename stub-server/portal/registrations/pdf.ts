/** Anything outside printable ASCII, and what a PDF string must escape. */
const NEEDS_CARE = /[^\x20-\x7e]|[\\()]/;

/** Text for a PDF string in the standard font: printable ASCII, `\`, `(` and `)` escaped. */
const ascii = (s: string) => (NEEDS_CARE.test(s) ? s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1') : s);

/**
 * A one-page PDF written by hand: enough for a client to receive, store and open a real
 * application form, without a PDF library. Text is ASCII in the standard Helvetica font
 * (non-ASCII characters would need an embedded CJK font, which a stub does not need).
 * Everything written is ASCII, so a string's length is its length in bytes.
 */
export function onePagePdf(title: string, lines: string[]): Buffer {
  let text = `BT\n/F1 18 Tf\n72 770 Td\n(${ascii(title)}) Tj\n/F1 12 Tf\n0 -20 TL`;
  for (const line of lines) text += `\nT* (${ascii(line)}) Tj`;
  text += '\nET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  // Each cross-reference entry is exactly 20 bytes: offset, generation, type, space-newline.
  let entries = '0000000000 65535 f \n';
  for (let i = 0; i < objects.length; i += 1) {
    entries += `${String(out.length).padStart(10, '0')} 00000 n \n`;
    out += `${i + 1} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
