// The buyer's identity for a cross-border order: real name, 18-character resident ID (ISO 7064
// MOD 11-2 check character), mainland mobile, and the consignee's address with a GB/T 2260 county
// code. Checked here with per-field errors; the ID number never leaves this module unsealed except
// to customs' declaration builder.
import { AppError, type FieldError } from '../../platform/errors.ts';
import { encryptPersonal, identityHash, maskIdNumber, payerFingerprint } from '../../platform/personal-data.ts';
import type { Config } from '../../platform/config.ts';
import { isChineseMobile, residentIdProblem } from './rules.ts';
import { chineseAddress, districtPath } from './districts.ts';
import './messages.ts';

export interface BuyerIdentityInput {
  name: string;
  idNumber: string;
  phone: string;
  consignee?: { name: string; phone: string };
  districtCode: string;
  addressDetail: string;
}

export interface CheckedIdentity {
  name: string;
  idHash: string;
  idSealed: string;
  idMasked: string;
  payerFingerprint: string;
  phone: string;
  consigneeName: string;
  consigneePhone: string;
  districtCode: string;
  address: string;
  addressDetail: string;
  district: { province: string; city: string; county: string };
}

const NAME = /^[\p{Script=Han}·•]{2,30}$|^[\p{L} .'·-]{2,60}$/u;
const cleanPhone = (p: string) => p.replace(/[\s-]/g, '').replace(/^\+?86/, '');

export function checkIdentity(config: Config, input: BuyerIdentityInput): CheckedIdentity {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  const id = input.idNumber.trim().toUpperCase();
  if (!NAME.test(name)) errors.push({ field: 'identity.name', code: 'bad_format' });
  const idProblem = residentIdProblem(id);
  if (idProblem) errors.push({ field: 'identity.idNumber', code: idProblem });
  if (!isChineseMobile(input.phone)) errors.push({ field: 'identity.phone', code: 'not_china_mobile' });
  const consigneeName = input.consignee?.name.trim() || name;
  const consigneePhone = input.consignee ? cleanPhone(input.consignee.phone) : cleanPhone(input.phone);
  if (input.consignee && !NAME.test(consigneeName)) errors.push({ field: 'consignee.name', code: 'bad_format' });
  if (input.consignee && !isChineseMobile(consigneePhone))
    errors.push({ field: 'consignee.phone', code: 'not_china_mobile' });
  const district = districtPath(input.districtCode);
  if (!district) errors.push({ field: 'address.districtCode', code: 'unknown_district' });
  const detail = input.addressDetail.trim();
  if (detail.length < 4 || detail.length > 120)
    errors.push({ field: 'address.detail', code: 'bad_length', params: { min: 4, max: 120 } });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  return {
    name,
    idHash: identityHash(config.identityHashKey, id),
    idSealed: encryptPersonal(config.personalDataKey, id),
    idMasked: maskIdNumber(id),
    payerFingerprint: payerFingerprint(config.identityHashKey, name, id),
    phone: cleanPhone(input.phone),
    consigneeName,
    consigneePhone,
    districtCode: input.districtCode,
    address: chineseAddress(input.districtCode, detail),
    addressDetail: detail,
    district: district!,
  };
}
