// The text a real PDF text extractor reads from a PDF: poppler's pdftotext (Debian poppler-utils,
// installed by .ci/run), in reading order, UTF-8. Tests search it the way a person's Ctrl+F would.
import { execFileSync } from 'node:child_process';

/** The text, or with `flat` its words joined by single spaces (a phrase wrapped at a space is still found). */
export function pdfToText(pdf: Buffer, opts: { layout?: boolean; flat?: boolean } = {}): string {
  const text = extract(pdf, opts.layout);
  return opts.flat ? text.replace(/\s+/g, ' ') : text;
}

function extract(pdf: Buffer, layout = false): string {
  try {
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'], {
      input: pdf,
      maxBuffer: 16 * 1024 * 1024,
    }).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        'pdftotext is missing: install poppler-utils (apt-get install -y poppler-utils), as .ci/run does',
      );
    throw err;
  }
}
