// Text that people typed (a buyer's name, an address, a product title, a business name), made safe
// to print on a document or in a machine-read file: it is text, never markup or layout — control
// characters, bidi embeddings and overrides (which could reverse "1,340" into "043,1" or hide a
// line), zero-width and other invisible characters go; nothing else is changed or interpreted.
const DROP = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]', // C0/C1 controls (not tab, LF, CR)
    '[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]', // bidi embeddings, overrides, isolates, marks
    '[\\u200B\\u200C\\u2060-\\u2064\\uFEFF\\u00AD\\u180E]', // zero-width and invisible characters
    '[\\uFE00-\\uFE0D]|\\uDB40[\\uDC00-\\uDDEF]', // variation selectors other than text/emoji ones, tags
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]', // lone surrogates
    '[\\uE000-\\uF8FF\\uFFFE\\uFFFF]', // private use, noncharacters (not allowed in XML)
  ].join('|'),
  'g',
);
const PICTO = /\p{Extended_Pictographic}/u;

/**
 * Text someone typed (a buyer's name, an address, a product title), as it may be printed: NFC,
 * without control, bidi-override and invisible characters (a zero-width joiner stays only inside an
 * emoji sequence, and the emoji variation selectors only after a character they apply to), line
 * breaks and runs of spaces as one space (or kept as line breaks with `multiline`), trimmed.
 * It is never interpreted: what is left prints as the characters it is.
 */
export function printable(s: string, opts: { multiline?: boolean } = {}): string {
  const chars = Array.from(s.normalize('NFC').replace(DROP, ''));
  const kept = chars.filter((c, i) => {
    if (c === '\u200D')
      return i > 0 && i < chars.length - 1 && PICTO.test(baseBefore(chars, i)) && PICTO.test(chars[i + 1]);
    if (c === '\uFE0E' || c === '\uFE0F') return i > 0 && /[\p{Extended_Pictographic}#*0-9]/u.test(chars[i - 1]);
    return true;
  });
  const text = kept.join('').replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  if (opts.multiline)
    return text
      .split('\n')
      .map((l) => l.replace(/[\t\p{Zs}]+/gu, ' ').trim())
      .filter(Boolean)
      .join('\n');
  return text.replace(/[\s\p{Zs}]+/gu, ' ').trim();
}
/** The character a joiner follows, skipping variation selectors and skin-tone modifiers. */
function baseBefore(chars: string[], i: number): string {
  let j = i - 1;
  while (j > 0 && /[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/u.test(chars[j])) j--;
  return chars[j];
}
