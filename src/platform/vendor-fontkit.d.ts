// The part of fontkit (pdfkit's font engine, also used directly by platform/pdf-text.ts) that the
// platform calls; the package ships no types.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string): { glyphs: Glyph[]; advanceWidth: number };
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
