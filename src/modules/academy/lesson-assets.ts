// The pictures and downloadable files the lessons link: the pictures are SVG files beside this
// module; the files are PDFs made from the lesson that links them (its title and text in Thai,
// Chinese and English), so what a learner downloads says what the lesson says.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { finishPdf, PdfText } from '../../platform/pdf-text.ts';
import { COURSES, lessonsOf, type Lesson } from './course.ts';

const ASSETS = join(import.meta.dirname, 'assets');

/** Lesson content names its pictures and files under /academy/; the API serves them under /api. */
export const assetUrl = (href: string): string => (href.startsWith('/academy/') ? `/api${href}` : href);

export async function lessonImage(file: string): Promise<Buffer | null> {
  if (!/^[a-z0-9-]+\.svg$/.test(file)) return null;
  return readFile(join(ASSETS, file)).catch(() => null);
}

const lessonOfFile = (file: string): Lesson | undefined =>
  COURSES.flatMap(lessonsOf).find((l) => (l.files ?? []).some((f) => f.href === `/academy/files/${file}`));

const made = new Map<string, Promise<Buffer>>();

export function lessonFile(file: string): Promise<Buffer> | null {
  const lesson = lessonOfFile(file);
  if (!lesson) return null;
  let pdf = made.get(file);
  if (!pdf) {
    pdf = lessonPdf(lesson);
    made.set(file, pdf);
  }
  return pdf;
}

async function lessonPdf(l: Lesson): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: l.title.th } });
  const t = new PdfText(doc);
  const width = doc.page.width - 112;
  let y = 56;
  y = t.write('Talad Academy · สถาบันตลาด', 56, y, { size: 11, width }) + 18;
  for (const locale of ['th', 'zh', 'en'] as const) {
    y = t.write(l.title[locale], 56, y, { size: 18, bold: true, width }) + 10;
    y = t.write(l.body[locale], 56, y, { size: 12, width, lineGap: 3 }) + 24;
  }
  return finishPdf(doc);
}

/** The size of a picture or file as served, for the package's size before download. */
export async function assetBytes(url: string): Promise<number> {
  const img = /^\/api\/academy\/img\/(.+)$/.exec(url)?.[1];
  if (img) return (await stat(join(ASSETS, img)).catch(() => null))?.size ?? 0;
  const file = /^\/api\/academy\/files\/(.+)$/.exec(url)?.[1];
  const pdf = file ? lessonFile(file) : null;
  return pdf ? (await pdf).length : 0;
}
