// Fonts bundled from npm for every PDF the platform prints (tax invoices, labels, certificates,
// tickets): Sarabun for Thai and Latin, Noto Sans SC for Chinese. Each file is read once.
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
