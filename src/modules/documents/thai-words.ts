// An amount in Thai words, as a tax invoice or a cheque writes it: 1,340.00 -> "หนึ่งพันสามร้อยสี่สิบบาทถ้วน",
// 100.25 -> "หนึ่งร้อยบาทยี่สิบห้าสตางค์". Exact on satang (integers); no floating point.
// A 1 in the units place after a higher digit is "เอ็ด" (101 หนึ่งร้อยเอ็ด), as Thai cheques and
// spreadsheet BAHTTEXT write it.
const DIGITS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACES = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];

/** 0 < n < 1,000,000; `after` says whether higher digits came before (for "เอ็ด"). */
function group(n: number, after: boolean): string {
  const digits = String(n).split('').map(Number);
  let out = '';
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) return;
    if (place === 1) out += d === 1 ? 'สิบ' : d === 2 ? 'ยี่สิบ' : `${DIGITS[d]}สิบ`;
    else if (place === 0) out += d === 1 && (after || digits.length > 1) ? 'เอ็ด' : DIGITS[d];
    else out += DIGITS[d] + PLACES[place];
  });
  return out;
}

/** A whole number in Thai words, millions nesting ("ล้านล้าน"). */
export function thaiNumberWords(n: bigint): string {
  if (n === 0n) return DIGITS[0];
  const millions = n / 1_000_000n;
  const rest = Number(n % 1_000_000n);
  const head = millions > 0n ? `${thaiNumberWords(millions)}ล้าน` : '';
  return head + (rest ? group(rest, millions > 0n) : '');
}

export function bahtText(satang: number): string {
  if (!Number.isSafeInteger(satang) || satang < 0)
    throw new Error(`an amount in words needs a whole, non-negative number of satang, got ${satang}`);
  const baht = BigInt(Math.floor(satang / 100));
  const st = satang % 100;
  if (st === 0) return `${thaiNumberWords(baht)}บาทถ้วน`;
  return `${baht > 0n ? `${thaiNumberWords(baht)}บาท` : ''}${thaiNumberWords(BigInt(st))}สตางค์`;
}
