// The seam between Talad and each agency's public look-up of the numbers it issued: Thai FDA's
// product check, TISI's licence search, ACFS's Q-mark search, CICOT's halal list, DIP's GI and
// trademark registers, CDD's OTOP register, DFT's Thai Hom Mali licences. One interface, one
// implementation per agency. None can be reached from here, so the platform runs each agency's
// sandbox: it answers as the look-up would — found and valid, not found, or cancelled — and every
// answer says "sandbox". An operator still reads the document before verifying.
import type { CertificateKind } from './numbers.ts';
import type { AgencyAnswer } from './schema.ts';

export type AgencyCode = 'fda' | 'tisi' | 'acfs' | 'cicot' | 'dip' | 'cdd' | 'dft' | 'owner';

export interface AgencyLookup {
  readonly name: string;
  /** Asks the agency about a number (as the agency writes it) presented by `holder`. */
  check(number: string, holder: string): Promise<AgencyAnswer>;
}

/** Whose look-up answers for each kind of certificate. */
export const AGENCY_OF: Record<CertificateKind, AgencyCode> = {
  fda: 'fda',
  tis: 'tisi',
  community_standard: 'tisi',
  gap: 'acfs',
  organic: 'acfs',
  halal: 'cicot',
  gi: 'dip',
  trademark: 'dip',
  // An authorisation is the owner's letter; DIP's register shows the trademark it names.
  trademark_authorisation: 'dip',
  otop: 'cdd',
  thai_hom_mali: 'dft',
};

const NAMES: Record<AgencyCode, string> = {
  fda: 'Thai FDA product check',
  tisi: 'TISI licence search',
  acfs: 'ACFS Q mark search',
  cicot: 'CICOT halal product list',
  dip: 'DIP register',
  cdd: 'CDD OTOP register',
  dft: 'DFT Thai Hom Mali licences',
  owner: 'Trademark owner',
};

/**
 * An agency's sandbox. Its register is the rule below, so tests and demos can ask for each answer:
 * a number whose digits end in 0000 is not found; one ending in 9999 was cancelled; any other is
 * found and valid, held by the shop that presented it.
 */
export function sandboxAgency(code: AgencyCode): AgencyLookup {
  return {
    name: NAMES[code],
    async check(number, holder) {
      const digits = number.replace(/\D/g, '');
      const status = digits.endsWith('0000') ? 'not_found' : digits.endsWith('9999') ? 'cancelled' : 'valid';
      return {
        agency: NAMES[code],
        sandbox: true,
        status,
        holder: status === 'valid' ? holder : null,
        checkedAt: new Date().toISOString(),
      };
    },
  };
}

/** Outside the sandbox no real look-up is wired yet: the operator relies on the document alone. */
export function unreachableAgency(code: AgencyCode): AgencyLookup {
  return {
    name: NAMES[code],
    async check() {
      return {
        agency: NAMES[code],
        sandbox: false,
        status: 'unavailable',
        holder: null,
        checkedAt: new Date().toISOString(),
      };
    },
  };
}

export type Agencies = Record<AgencyCode, AgencyLookup>;

export function agencies(make: (code: AgencyCode) => AgencyLookup): Agencies {
  return Object.fromEntries((Object.keys(NAMES) as AgencyCode[]).map((c) => [c, make(c)])) as Agencies;
}

/** The look-up that answers for a kind of certificate. */
export const lookupFor = (all: Agencies, kind: CertificateKind): AgencyLookup => all[AGENCY_OF[kind]];
