// What an operator sees before approving a shop (issue 13 item 9): warnings for markup, emoji and
// look-alike (mixed-script) names, the payout account's name against the shop and its owner, and
// the tax ID looked up through a registry seam. The registry here is a sandbox: the Department of
// Business Development (juristic IDs, starting with 0) and the Revenue Department (others) are not
// reachable from this machine, so the sandbox answers "registered" exactly for IDs whose check
// digit is right, under the applicant's legal name, and says it is a sandbox.
import { isValidThaiId } from '../../platform/thai.ts';

export type ApprovalWarning =
  | { code: 'name_markup'; field: string }
  | { code: 'name_emoji'; field: string }
  | { code: 'name_mixed_script'; field: string; scripts: string[] }
  | { code: 'payout_name_mismatch'; field: 'payout.accountName' }
  | { code: 'document_missing'; field: string };

export interface RegistryAnswer {
  registry: 'dbd' | 'rd';
  sandbox: true;
  label: string;
  found: boolean;
  registeredName: string | null;
}

/** The tax-ID registry seam; only a sandbox exists here. */
export interface TaxRegistry {
  lookup(taxId: string, legalName: string): Promise<RegistryAnswer>;
}

export const sandboxTaxRegistry: TaxRegistry = {
  async lookup(taxId, legalName) {
    const registry = taxId.startsWith('0') ? 'dbd' : 'rd';
    const found = isValidThaiId(taxId);
    return {
      registry,
      sandbox: true,
      label:
        registry === 'dbd'
          ? 'กรมพัฒนาธุรกิจการค้า / Department of Business Development (sandbox)'
          : 'กรมสรรพากร / Revenue Department (sandbox)',
      found,
      registeredName: found ? legalName : null,
    };
  },
};

const SCRIPTS: [string, RegExp][] = [
  ['Thai', /\p{Script=Thai}/u],
  ['Latin', /\p{Script=Latin}/u],
  ['Han', /\p{Script=Han}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

/** The scripts inside one word: "Аpple" (Cyrillic А) or "ร้าฑn" mix them; "ร้าน ABC" does not. */
function mixedScripts(name: string): string[] {
  const found = new Set<string>();
  for (const word of name.split(/[\s\p{P}\p{S}]+/u)) {
    const inWord = SCRIPTS.filter(([, re]) => re.test(word)).map(([s]) => s);
    if (inWord.length > 1) for (const s of inWord) found.add(s);
  }
  // Cyrillic or Greek letters in a shop's name are look-alikes of Latin ones here.
  for (const [s, re] of SCRIPTS) if ((s === 'Cyrillic' || s === 'Greek') && re.test(name)) found.add(s);
  return [...found];
}

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(บริษัท|จำกัด|\(มหาชน\)|ห้างหุ้นส่วน|สามัญ|นิติบุคคล|ร้าน|นาย|นาง|นางสาว|co\.?|ltd\.?|limited|company)/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');

export function nameWarnings(names: Record<string, string | null | undefined>): ApprovalWarning[] {
  const out: ApprovalWarning[] = [];
  for (const [field, value] of Object.entries(names)) {
    if (!value) continue;
    if (/<\/?[a-z!][^>]*>|[<>]|&[a-z#0-9]+;/i.test(value)) out.push({ code: 'name_markup', field });
    if (/\p{Extended_Pictographic}/u.test(value)) out.push({ code: 'name_emoji', field });
    const scripts = mixedScripts(value);
    if (scripts.length) out.push({ code: 'name_mixed_script', field, scripts });
  }
  return out;
}

/** The payout account's name should be the shop's, its legal entity's or its owner's. */
export function payoutNameMatches(accountName: string, names: (string | null | undefined)[]): boolean {
  const a = fold(accountName);
  if (!a) return false;
  return names.some((n) => {
    const b = n ? fold(n) : '';
    return b.length > 0 && (a.includes(b) || b.includes(a));
  });
}
