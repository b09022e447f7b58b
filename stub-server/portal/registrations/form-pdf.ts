import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** What the application form (教师资格定期注册申请表) prints: sections of label/value pairs, and the photo. */
export interface FormContent {
  title: string;
  /** Under the title: the application number and when it was submitted. */
  subtitle: string;
  sections: { heading: string; fields: [label: string, value: string][] }[];
  /** The personal photo, a JPEG, if the portal kept its file. */
  photo?: Buffer;
  /** The document's date (its submission): a form's bytes depend on the application only. */
  createdAt: Date;
}

/**
 * The CJK font the form is set in: Noto Sans Hans cut to GB2312 with TrueType outlines
 * (fonts/form-font.ttf, OFL, renamed Jszg Form Sans; scripts/form-font.py writes it), read once.
 * pdfkit embeds only the glyphs a form uses, a subset of a few KB.
 */
let fontBytes: Buffer | undefined;
const cjkFont = (): Buffer => (fontBytes ??= readFileSync(new URL('./fonts/form-font.ttf', import.meta.url)));

const PAGE_WIDTH = 595.28;
const MARGIN = 42;
const INNER = PAGE_WIDTH - 2 * MARGIN;
const ROW = 22;
const LABEL_WIDTH = 78;
const PHOTO = { width: 90, height: 126 }; // a 1-inch photo's proportions (25 × 35 mm)
const INK = '#1a1a1a';
const RULE = '#737373';
const SHADE = '#eef0f4';

/** `text` at the largest size from `size` down to 7 that fits `width`, else cut with an ellipsis at 7. */
function fitted(doc: PDFKit.PDFDocument, text: string, width: number, size: number): { text: string; size: number } {
  for (let s = size; s >= 7; s -= 0.5) if (doc.fontSize(s).widthOfString(text) <= width) return { text, size: s };
  let cut = text;
  while (cut.length > 1 && doc.fontSize(7).widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return { text: `${cut}…`, size: 7 };
}

/** A line of text in a box, vertically centred, never wrapped. */
function write(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, size: number): void {
  const f = fitted(doc, text, width, size);
  doc.fontSize(f.size).fillColor(INK).text(f.text, x, y + (ROW - f.size) / 2 - 1, { lineBreak: false });
}

/** One cell of the form's grid: the label (shaded) and its value, with their borders. */
function cell(doc: PDFKit.PDFDocument, x: number, y: number, width: number, [label, value]: [string, string]): void {
  doc.lineWidth(0.6).rect(x, y, LABEL_WIDTH, ROW).fillAndStroke(SHADE, RULE);
  doc.rect(x + LABEL_WIDTH, y, width - LABEL_WIDTH, ROW).stroke(RULE);
  write(doc, label, x + 4, y, LABEL_WIDTH - 8, 9);
  write(doc, value || '—', x + LABEL_WIDTH + 4, y, width - LABEL_WIDTH - 8, 10);
}

/**
 * The form on one A4 page: the title, then each section as a grid of two label/value pairs a
 * row; the first section (the applicant) runs beside the photo, one pair a row. Deterministic:
 * the document's date is the application's, so the same application gives the same bytes.
 */
export function applicationFormPdf(content: FormContent): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: content.title, Producer: 'jszg-sim', Creator: 'jszg-sim', CreationDate: content.createdAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('form', cjkFont());
  doc.font('form');
  let y = MARGIN;
  const centred = (text: string, size: number) => {
    const f = fitted(doc, text, INNER, size);
    doc.fontSize(f.size).fillColor(INK).text(f.text, MARGIN, y, { width: INNER, align: 'center', lineBreak: false });
    y += f.size + 8;
  };
  centred(content.title, 18);
  centred(content.subtitle, 9);

  content.sections.forEach((section, index) => {
    y += 6;
    doc.fontSize(11).fillColor(INK).text(section.heading, MARGIN, y, { lineBreak: false });
    y += 16;
    if (index === 0) {
      const photo = { x: PAGE_WIDTH - MARGIN - PHOTO.width, y };
      doc.lineWidth(0.6).rect(photo.x, photo.y, PHOTO.width, PHOTO.height).stroke(RULE);
      if (content.photo) doc.image(content.photo, photo.x, photo.y, { fit: [PHOTO.width, PHOTO.height], align: 'center', valign: 'center' });
      const top = y;
      for (const pair of section.fields) {
        cell(doc, MARGIN, y, INNER - PHOTO.width - 8, pair);
        y += ROW;
      }
      y = Math.max(y, top + PHOTO.height);
      return;
    }
    const half = INNER / 2;
    for (let i = 0; i < section.fields.length; i += 2) {
      const second = section.fields[i + 1];
      cell(doc, MARGIN, y, second ? half : INNER, section.fields[i]!);
      if (second) cell(doc, MARGIN + half, y, half, second);
      y += ROW;
    }
  });
  doc.end();
  return done;
}
