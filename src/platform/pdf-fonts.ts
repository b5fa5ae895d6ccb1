// Fonts bundled from npm for every PDF the platform prints (tax invoices, labels, certificates,
// tickets): Sarabun for Thai and Latin, Noto Sans SC for Chinese, and two fallbacks for what
// neither has — Noto Emoji (monochrome) for emoji and Noto Sans Symbols 2 for symbols (✗ ★ ☐ ...).
// All are under the SIL Open Font License 1.1 (the npm packages' LICENSE_FONT). Each file is read once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fonts = new Map<string, Buffer>();

/** A bundled font file's bytes, read once and shared by every document. */
export function font(file: string): Buffer {
  let f = fonts.get(file);
  if (!f) {
    f = readFileSync(require.resolve(file));
    fonts.set(file, f);
  }
  return f;
}

export const SARABUN = '@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf';
export const SARABUN_BOLD = '@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf';
export const NOTO_SC = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
/** 870 KB; only the glyphs a document uses are embedded (subset), as for every font here. */
export const NOTO_EMOJI = '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf';
/** 1.2 MB. */
export const NOTO_SYMBOLS = '@expo-google-fonts/noto-sans-symbols-2/400Regular/NotoSansSymbols2_400Regular.ttf';
