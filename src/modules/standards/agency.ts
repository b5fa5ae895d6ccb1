// The seam between Talad and each agency's public look-up of the numbers it issued (FDA's product
// check, TISI's licence search, ACFS's Q-mark search, CICOT's halal list, DIP's GI and trademark
// registers, DFT's Thai Hom Mali licences). None can be reached from here, so the platform runs the
// sandbox: it answers as a look-up would — found and valid, not found, or cancelled — and every
// answer and page says "sandbox". An operator still reads the document before verifying.
import type { AgencyAnswer } from './schema.ts';
import type { CertificateKind } from './numbers.ts';

export interface AgencyLookup {
  /** Asks the agency about a number of this kind (as the agency writes it). */
  check(kind: CertificateKind, number: string, holder: string): Promise<AgencyAnswer>;
}

const AGENCY: Record<CertificateKind, string> = {
  fda: 'Thai FDA product check',
  tis: 'TISI licence search',
  community_standard: 'TISI community product standard search',
  gap: 'ACFS Q mark search',
  organic: 'ACFS Q mark search',
  halal: 'CICOT halal product list',
  gi: 'DIP GI register',
  otop: 'CDD OTOP register',
  thai_hom_mali: 'DFT Thai Hom Mali licences',
  trademark: 'DIP trademark register',
  trademark_authorisation: 'DIP trademark register',
};

/**
 * The sandbox agency. Its register is the rule below, so tests and demos can ask for each answer:
 * a number whose digits end in 0000 is not found; one ending in 9999 was cancelled; any other is
 * found and valid, held by the shop that presented it.
 */
export const sandboxAgency: AgencyLookup = {
  async check(kind, number, holder) {
    const digits = number.replace(/\D/g, '');
    const status = digits.endsWith('0000') ? 'not_found' : digits.endsWith('9999') ? 'cancelled' : 'valid';
    return {
      agency: AGENCY[kind],
      sandbox: true,
      status,
      holder: status === 'valid' ? holder : null,
      checkedAt: new Date().toISOString(),
    };
  },
};

/** Outside the sandbox no look-up is wired yet: the operator relies on the document alone. */
export const noAgency: AgencyLookup = {
  async check(kind) {
    return {
      agency: AGENCY[kind],
      sandbox: false,
      status: 'unavailable',
      holder: null,
      checkedAt: new Date().toISOString(),
    };
  },
};
