/**
 * A one-page PDF written by hand: enough for a client to receive, store and open a real
 * application form, without a PDF library. Text is ASCII in the standard Helvetica font
 * (non-ASCII characters would need an embedded CJK font, which a stub does not need).
 */
export function onePagePdf(title: string, lines: string[]): Buffer {
  const ascii = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
  const text = [
    'BT', '/F1 18 Tf', '72 770 Td', `(${ascii(title)}) Tj`, '/F1 12 Tf', '0 -20 TL',
    ...lines.map((l) => `T* (${ascii(l)}) Tj`), 'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  // Each cross-reference entry is exactly 20 bytes: offset, generation, type, space-newline.
  const entries = ['0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
  out += `xref\n0 ${objects.length + 1}\n${entries.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
