// Text on the platform's PDFs (tax invoices, receipts, shipping labels), written so that it prints
// and can be read back:
// - Fonts per character: Sarabun (Thai, Latin), Noto Sans SC (Chinese), Noto Emoji, Noto Sans
//   Symbols 2, chosen per grapheme cluster and drawn run by run, so an emoji in a buyer's name prints
//   as an emoji, not as a box.
// - Lines are broken here, at word boundaries from ICU's dictionary (Intl.Segmenter knows Thai and
//   Chinese words, which have no spaces), never inside a cluster: a Thai vowel or tone mark stays on
//   its consonant's line.
// - The text layer. Shaping does not map glyphs back to text one to one: Sarabun's shaper splits
//   SARA AM (ำ, U+0E33) into NIKHAHIT + SARA AA glyphs and swaps tone marks for contextual forms, and
//   pdfkit's ToUnicode map then gives each glyph the characters of the first word it appeared in, so
//   extractors read "ใบกำากับ" for "ใบกำกับ" and scramble "ผู้ขาย". Every drawn run is therefore
//   wrapped in a marked-content span whose /ActualText is the run's own text (ISO 32000-1 14.9.4),
//   which text extractors (poppler's pdftotext, PDFium, Acrobat) read instead of the glyphs; and the
//   ToUnicode map is corrected before the file is written (each glyph the font's cmap reaches maps
//   to its own character, SARA AM's split NIKHAHIT to U+0E4D), for readers that ignore ActualText:
//   they then read the NFKC-equivalent "ํา".
// - Text people typed goes through `printable` (typed-text.ts) before it gets here.
import * as fontkit from 'fontkit';
import { font, NOTO_EMOJI, NOTO_SC, NOTO_SYMBOLS, SARABUN, SARABUN_BOLD } from './pdf-fonts.ts';

export { printable } from './typed-text.ts';

export type Face = 'regular' | 'bold' | 'cjk' | 'symbols' | 'emoji';
const FILES: Record<Face, string> = {
  regular: SARABUN,
  bold: SARABUN_BOLD,
  cjk: NOTO_SC,
  symbols: NOTO_SYMBOLS,
  emoji: NOTO_EMOJI,
};
const NAME = (face: Face) => `talad-${face}`;

const parsed = new Map<Face, fontkit.Font>();
/** The parsed font of a face, shared by every document (pdfkit lays out and subsets from it). */
function face(f: Face): fontkit.Font {
  let p = parsed.get(f);
  if (!p) {
    p = fontkit.create(font(FILES[f]));
    parsed.set(f, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Fonts per grapheme cluster.

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });
const words = new Intl.Segmenter('th', { granularity: 'word' });
const EMOJI = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Regional_Indicator}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;
const covers = (f: Face, cluster: string) =>
  Array.from(cluster.replace(/[\uFE0E\uFE0F\u200D]/g, '')).every((c) =>
    face(f).hasGlyphForCodePoint(c.codePointAt(0)!),
  );

/** The face a cluster prints in: the text's own face when it has the glyphs, else the first fallback that has. */
export function faceOf(cluster: string, primary: 'regular' | 'bold'): Face {
  if (EMOJI.test(cluster) && covers('emoji', cluster.slice(0, 2))) return 'emoji';
  if (CJK.test(cluster)) return 'cjk';
  for (const f of [primary, 'symbols', 'emoji', 'cjk'] as const) if (covers(f, cluster)) return f;
  return primary; // no bundled font has it (e.g. Arabic): a missing-glyph box, but ActualText keeps the text
}

// Line-break units, coarse to fine: space-separated pieces; dictionary words, an opening bracket
// kept with the word after it and closing punctuation with the word before; grapheme clusters.
const SCRIPT_WORDS = /[\p{Script=Thai}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
function dictionaryWords(s: string): string[] {
  const out: string[] = [];
  for (const { segment } of words.segment(s)) {
    const prev = out[out.length - 1];
    const glue =
      prev !== undefined &&
      (/[\p{Ps}\p{Pi}]$/u.test(prev) ||
        /^[\p{Pe}\p{Pf}\p{Po}]/u.test(segment) ||
        !(SCRIPT_WORDS.test(prev.slice(-2)) || SCRIPT_WORDS.test(segment.slice(0, 2))));
    if (glue) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
}
const SPLITS: ((s: string) => string[])[] = [
  (s) => s.split(/(\s+)/).filter(Boolean),
  dictionaryWords,
  (s) => Array.from(graphemes.segment(s), (g) => g.segment),
];

interface Run {
  face: Face;
  text: string;
}
/** A line as runs of one face each; spaces are the text's own face's (the emoji font's are an emoji wide). */
export function runsOf(line: string, primary: 'regular' | 'bold'): Run[] {
  const runs: Run[] = [];
  for (const { segment } of graphemes.segment(line)) {
    const f = /^\s+$/.test(segment) ? primary : faceOf(segment, primary);
    const last = runs[runs.length - 1];
    if (last && last.face === f) last.text += segment;
    else runs.push({ face: f, text: segment });
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Writing.

export interface TextStyle {
  size?: number;
  bold?: boolean;
  /** Wraps at this width (points); without it, one line. */
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** Extra space between lines, in points. */
  lineGap?: number;
  color?: string;
}

/** What pdfkit does not declare: its content stream writer and its fonts in use. */
interface PdfInternals {
  addContent(data: string): unknown;
  _fontFamilies: Record<string, { font?: fontkit.Font; subset?: { glyphs: number[] }; unicode?: number[][] }>;
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex. */
const pdfTextString = (s: string) => {
  const b = Buffer.from(s, 'utf16le');
  b.swap16();
  return `<FEFF${b.toString('hex').toUpperCase()}>`;
};

export class PdfText {
  private readonly doc: PDFKit.PDFDocument;
  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    // Registering is free: a face is parsed and embedded only when text uses it.
    for (const f of Object.keys(FILES) as Face[]) doc.registerFont(NAME(f), font(FILES[f]));
  }

  /** Line height at a size: Sarabun's ascent and descent, tall enough for Thai marks above and below. */
  lineHeight(style: TextStyle = {}): number {
    const r = face('regular');
    return ((r.ascent - r.descent + r.lineGap) / r.unitsPerEm) * (style.size ?? 10) + (style.lineGap ?? 0);
  }

  private use(f: Face, size: number) {
    return this.doc.font(NAME(f)).fontSize(size);
  }

  /** Width of one line of text (no wrapping). */
  width(s: string, style: TextStyle = {}): number {
    const size = style.size ?? 10;
    return runsOf(s, style.bold ? 'bold' : 'regular').reduce(
      (w, r) => w + this.use(r.face, size).widthOfString(r.text),
      0,
    );
  }

  /**
   * The lines text breaks into at a width: at spaces first (which keep "เขตบางกะปิ" or "(สาขาที่ 00012)"
   * whole); a piece too long for a line at dictionary word boundaries (Thai and Chinese have no
   * spaces between words); a word too long for a line between clusters.
   */
  lines(s: string, style: TextStyle = {}): string[] {
    if (!style.width) return s.split('\n');
    const max = style.width;
    const out: string[] = [];
    for (const paragraph of s.split('\n')) {
      let line = '';
      const place = (unit: string, level: number) => {
        const space = /^\s+$/.test(unit);
        if (space && !line) return;
        if (this.width((line + unit).trimEnd(), style) <= max) {
          line += unit;
          return;
        }
        if (line.trim()) out.push(line.trimEnd());
        line = '';
        if (space) return;
        if (level === SPLITS.length - 1 || this.width(unit, style) <= max) line = unit;
        else for (const u of SPLITS[level + 1](unit)) place(u, level + 1);
      };
      for (const u of SPLITS[0](paragraph)) place(u, 0);
      if (line.trim() || !out.length) out.push(line.trimEnd());
    }
    return out;
  }

  /** Height the text takes at a width. */
  height(s: string, style: TextStyle = {}): number {
    return this.lines(s, style).length * this.lineHeight(style);
  }

  /** Writes text with its top at y, wrapped to style.width; returns the y below it. */
  write(s: string, x: number, y: number, style: TextStyle = {}): number {
    const size = style.size ?? 10;
    const r = face('regular');
    const ascent = (r.ascent / r.unitsPerEm) * size;
    const step = this.lineHeight(style);
    if (style.color) this.doc.fillColor(style.color);
    for (const line of this.lines(s, style)) {
      const runs = runsOf(line, style.bold ? 'bold' : 'regular');
      const widths = runs.map((run) => this.use(run.face, size).widthOfString(run.text));
      const total = widths.reduce((a, b) => a + b, 0);
      let at = x;
      if (style.width && style.align === 'right') at = x + style.width - total;
      if (style.width && style.align === 'center') at = x + (style.width - total) / 2;
      runs.forEach((run, i) => {
        this.use(run.face, size);
        // All runs on one baseline (the Thai font's), whatever each font's own ascent.
        this.withActualText(run.text, () =>
          this.doc.text(run.text, at, y + ascent, { lineBreak: false, baseline: 'alphabetic' }),
        );
        at += widths[i];
      });
      y += step;
    }
    if (style.color) this.doc.fillColor('#000');
    return y;
  }

  /**
   * Draws with the run's text as /ActualText. The span goes inside pdfkit's BT ... ET (which pdfkit
   * writes inside its own q ... Q with the text's coordinate system): poppler places ActualText with
   * the transformation in force at EMC, which must be the one the glyphs were drawn in.
   */
  private withActualText(text: string, draw: () => void) {
    const doc = this.doc as unknown as PdfInternals;
    const original = doc.addContent;
    doc.addContent = function (this: PdfInternals, data: string) {
      if (data === 'BT') original.call(this, `/Span <</ActualText ${pdfTextString(text)}>> BDC`);
      original.call(this, data);
      if (data === 'ET') original.call(this, 'EMC');
      return this;
    };
    try {
      draw();
    } finally {
      doc.addContent = original;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Finishing: the ToUnicode maps, then the file.

const reverseMaps = new Map<string, Map<number, number[]>>();
/** Glyph id -> the characters the font's cmap maps to it. */
function reverseCmap(f: fontkit.Font): Map<number, number[]> {
  let m = reverseMaps.get(f.postscriptName);
  if (!m) {
    m = new Map();
    for (const cp of f.characterSet) {
      const id = f.glyphForCodePoint(cp).id;
      m.set(id, [...(m.get(id) ?? []), cp]);
    }
    reverseMaps.set(f.postscriptName, m);
  }
  return m;
}

/**
 * Corrects each embedded font's glyph -> text map (see the top of this file): a glyph the cmap
 * reaches maps to its own character (the one shaping gave when that is one of them); a glyph it
 * does not reach (a ligature, a contextual form) keeps the characters shaping gave, with SARA AM
 * written as the NIKHAHIT it was split into (its SARA AA is a glyph of its own).
 */
export function fixToUnicode(doc: PDFKit.PDFDocument): void {
  for (const f of Object.values((doc as unknown as PdfInternals)._fontFamilies)) {
    if (!f.font?.characterSet || !f.subset?.glyphs || !f.unicode) continue;
    const reverse = reverseCmap(f.font);
    f.unicode.forEach((shaped, gid) => {
      if (gid === 0) return;
      const own = reverse.get(f.subset!.glyphs[gid]);
      if (own) f.unicode![gid] = shaped.length === 1 && own.includes(shaped[0]) ? shaped : [own[0]];
      else f.unicode![gid] = shaped.map((c) => (c === 0x0e33 ? 0x0e4d : c));
    });
  }
}

/** Ends the document and gives its bytes, with the text map corrected. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  fixToUnicode(doc);
  doc.end();
  return done;
}
