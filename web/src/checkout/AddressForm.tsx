// A Thai delivery address: house number, moo, village, soi, road, then province -> district ->
// sub-district -> postcode, each list completing from the full Thai address dataset. The lists of a
// province load when it is chosen (a few kB), and a postcode typed first picks the province.
import { useEffect, useState } from 'react';
import { PROVINCES } from '../../../src/platform/provinces.ts';
import { useApp } from '../app/context.tsx';
import { SelectField, TextField } from '../components/ui.tsx';
import type { AddressDistrict, PostcodeMatch } from './address-data.ts';

export interface AddressValue {
  name: string;
  phone: string;
  houseNumber: string;
  moo: string;
  village: string;
  soi: string;
  road: string;
  provinceCode: string;
  district: string;
  subdistrict: string;
  postcode: string;
}
export const emptyAddress: AddressValue = {
  name: '',
  phone: '',
  houseNumber: '',
  moo: '',
  village: '',
  soi: '',
  road: '',
  provinceCode: '',
  district: '',
  subdistrict: '',
  postcode: '',
};

const districtCache = new Map<string, Promise<AddressDistrict[]>>();
function loadDistricts(provinceCode: string): Promise<AddressDistrict[]> {
  let p = districtCache.get(provinceCode);
  if (!p) {
    p = fetch(`/web/address/provinces/${provinceCode}.json`).then((r) =>
      r.ok ? r.json() : Promise.reject(new Error(String(r.status))),
    );
    p.catch(() => districtCache.delete(provinceCode));
    districtCache.set(provinceCode, p);
  }
  return p;
}

export function AddressForm({
  value,
  onChange,
  errors,
  prefix,
  contact = true,
}: {
  value: AddressValue;
  onChange: (v: AddressValue) => void;
  errors: Record<string, string>;
  prefix: string;
  /** Whether to ask for the recipient's name and phone (not for a shop's registered address). */
  contact?: boolean;
}) {
  const { t, locale } = useApp();
  const [districts, setDistricts] = useState<AddressDistrict[] | null>(null);
  const [loading, setLoading] = useState(false);
  const set = (patch: Partial<AddressValue>) => onChange({ ...value, ...patch });
  const err = (f: string) => errors[`${prefix}.${f}`] ?? (f === 'phone' ? errors.contactPhone : undefined);

  useEffect(() => {
    if (!value.provinceCode) {
      setDistricts(null);
      return;
    }
    let live = true;
    setLoading(true);
    loadDistricts(value.provinceCode)
      .then(
        (d) => {
          if (live) setDistricts(d);
        },
        () => {
          if (live) setDistricts([]);
        },
      )
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [value.provinceCode]);

  const district = districts?.find((d) => d.th === value.district);
  const subdistricts = district?.subdistricts ?? [];

  const choosePostcode = async (postcode: string) => {
    set({ postcode });
    if (!/^\d{5}$/.test(postcode) || value.provinceCode) return;
    const res = await fetch(`/web/address/postcodes/${postcode}.json`);
    if (!res.ok) return;
    const matches = (await res.json()) as PostcodeMatch[];
    if (!matches.length) return;
    const first = matches[0];
    const sameDistrict = matches.every((m) => m.district === first.district);
    onChange({
      ...value,
      postcode,
      provinceCode: first.provinceCode,
      district: sameDistrict ? first.district : '',
      subdistrict: matches.length === 1 ? first.subdistrict : '',
    });
  };

  return (
    <div className="address-form">
      {contact ? (
        <>
          <TextField
            label={t('checkout.name')}
            name="name"
            autoComplete="name"
            required
            value={value.name}
            onChange={(e) => set({ name: e.target.value })}
            error={err('name')}
          />
          <TextField
            label={t('checkout.phone')}
            name="phone"
            type="tel"
            autoComplete="tel"
            required
            value={value.phone}
            onChange={(e) => set({ phone: e.target.value })}
            error={err('phone')}
          />
        </>
      ) : null}
      <div className="row">
        <TextField
          label={t('checkout.houseNumber')}
          name="houseNumber"
          required
          value={value.houseNumber}
          onChange={(e) => set({ houseNumber: e.target.value })}
          error={err('houseNumber')}
        />
        <TextField
          label={`${t('checkout.moo')} ${t('common.optional')}`}
          name="moo"
          inputMode="numeric"
          value={value.moo}
          onChange={(e) => set({ moo: e.target.value })}
          error={err('moo')}
        />
      </div>
      <TextField
        label={`${t('checkout.village')} ${t('common.optional')}`}
        name="village"
        value={value.village}
        onChange={(e) => set({ village: e.target.value })}
        error={err('village')}
      />
      <div className="row">
        <TextField
          label={`${t('checkout.soi')} ${t('common.optional')}`}
          name="soi"
          value={value.soi}
          onChange={(e) => set({ soi: e.target.value })}
          error={err('soi')}
        />
        <TextField
          label={`${t('checkout.road')} ${t('common.optional')}`}
          name="road"
          value={value.road}
          onChange={(e) => set({ road: e.target.value })}
          error={err('road')}
        />
      </div>
      <SelectField
        label={t('checkout.province')}
        name="provinceCode"
        required
        value={value.provinceCode}
        placeholder={t('checkout.choose')}
        options={PROVINCES.map((p) => ({ value: p.code, label: locale === 'th' ? p.th : `${p[locale]} (${p.th})` }))}
        onChange={(e) => set({ provinceCode: e.target.value, district: '', subdistrict: '' })}
        error={err('provinceCode')}
      />
      <SelectField
        label={t('checkout.district')}
        name="district"
        required
        value={value.district}
        disabled={!districts?.length}
        placeholder={
          !value.provinceCode
            ? t('checkout.chooseProvinceFirst')
            : loading
              ? t('checkout.loadingPlaces')
              : t('checkout.choose')
        }
        options={(districts ?? []).map((d) => ({ value: d.th, label: d.th }))}
        onChange={(e) => set({ district: e.target.value, subdistrict: '' })}
        error={err('district')}
      />
      <SelectField
        label={t('checkout.subdistrict')}
        name="subdistrict"
        required
        value={value.subdistrict}
        disabled={!subdistricts.length}
        placeholder={value.district ? t('checkout.choose') : t('checkout.chooseDistrictFirst')}
        options={subdistricts.map((s) => ({ value: s.th, label: s.th }))}
        onChange={(e) => {
          const s = subdistricts.find((x) => x.th === e.target.value);
          set({ subdistrict: e.target.value, postcode: s?.postcode ?? value.postcode });
        }}
        error={err('subdistrict')}
      />
      <TextField
        label={t('checkout.postcode')}
        name="postcode"
        inputMode="numeric"
        autoComplete="postal-code"
        maxLength={5}
        pattern="\d{5}"
        hint={t('checkout.postcodeHint')}
        value={value.postcode}
        onChange={(e) => void choosePostcode(e.target.value.replace(/\D/g, ''))}
        error={err('postcode')}
      />
    </div>
  );
}
