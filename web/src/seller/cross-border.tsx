// A product's terms for selling to China, on its edit page: eligible or not, the tax category (VAT 13%
// or 9%, consumption tax), the 10-digit customs code, its Chinese customs name and unit, packaging and
// any per-person yearly cap. Stock for China is whatever the shop holds in the bonded EEC hub.
import { useEffect, useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, SelectField, TextField } from '../components/ui.tsx';
import '../messages/crossborder.ts';

interface Terms {
  eligible: boolean;
  vatBp: 900 | 1300;
  consumptionTaxBp: number;
  hsCode: string;
  customsNameZh: string;
  customsUnit: string;
  packagingGrams: number;
  yearlyQuantityCap: number | null;
}
const EMPTY: Terms = {
  eligible: false,
  vatBp: 900,
  consumptionTaxBp: 0,
  hsCode: '',
  customsNameZh: '',
  customsUnit: '011',
  packagingGrams: 200,
  yearlyQuantityCap: null,
};

export function CrossBorderTerms({ sellerId, productId }: { sellerId: string; productId: string }) {
  const { t, api } = useApp();
  const [terms, setTerms] = useState<Terms>(EMPTY);
  const [saved, setSaved] = useState(false);
  const { errors, formError, pending, run } = useSubmit();
  const url = `/sellers/${sellerId}/products/${productId}/cross-border`;
  useEffect(() => {
    void api.get<{ terms: Terms | null }>(url).then(
      (r) => {
        if (r.terms) setTerms(r.terms);
      },
      () => {},
    );
  }, [url]);
  const set = <K extends keyof Terms>(k: K, v: Terms[K]) => {
    setSaved(false);
    setTerms((x) => ({ ...x, [k]: v }));
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { eligible, vatBp, consumptionTaxBp, hsCode, customsNameZh, customsUnit, packagingGrams, yearlyQuantityCap } =
      terms;
    if (
      await run(() =>
        api.send('PUT', url, {
          eligible,
          vatBp,
          consumptionTaxBp,
          hsCode: hsCode.trim(),
          customsNameZh: customsNameZh.trim(),
          customsUnit,
          packagingGrams,
          yearlyQuantityCap,
        }),
      )
    )
      setSaved(true);
  };
  return (
    <form onSubmit={save} noValidate>
      <fieldset>
        <legend>{t('cn.sellerTitle')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={terms.eligible} onChange={(e) => set('eligible', e.target.checked)} />{' '}
          {t('cn.sellerEligible')}
        </label>
        <SelectField
          label={t('cn.sellerVat')}
          value={String(terms.vatBp)}
          onChange={(e) => set('vatBp', Number(e.target.value) as 900 | 1300)}
          options={[
            { value: '900', label: t('cn.vat9') },
            { value: '1300', label: t('cn.vat13') },
          ]}
          error={errors.vatBp}
        />
        <TextField
          label={t('cn.sellerCt')}
          inputMode="decimal"
          value={String(terms.consumptionTaxBp / 100)}
          onChange={(e) => set('consumptionTaxBp', Math.round(Number(e.target.value || 0) * 100))}
          error={errors.consumptionTaxBp}
        />
        <TextField
          label={t('cn.sellerHs')}
          inputMode="numeric"
          maxLength={10}
          value={terms.hsCode}
          onChange={(e) => set('hsCode', e.target.value)}
          error={errors.hsCode}
        />
        <TextField
          label={t('cn.sellerNameZh')}
          value={terms.customsNameZh}
          onChange={(e) => set('customsNameZh', e.target.value)}
          error={errors.customsNameZh}
        />
        <SelectField
          label={t('cn.sellerUnit')}
          value={terms.customsUnit}
          onChange={(e) => set('customsUnit', e.target.value)}
          options={[
            ['011', '件 piece'],
            ['035', '千克 kg'],
            ['140', '盒 box'],
            ['122', '袋 bag'],
            ['142', '瓶 bottle'],
          ].map(([value, label]) => ({ value, label }))}
          error={errors.customsUnit}
        />
        <TextField
          label={t('cn.sellerPackaging')}
          type="number"
          min={0}
          value={String(terms.packagingGrams)}
          onChange={(e) => set('packagingGrams', Number(e.target.value || 0))}
          error={errors.packagingGrams}
        />
        <TextField
          label={t('cn.sellerCap')}
          type="number"
          min={1}
          value={terms.yearlyQuantityCap === null ? '' : String(terms.yearlyQuantityCap)}
          onChange={(e) => set('yearlyQuantityCap', e.target.value ? Number(e.target.value) : null)}
          error={errors.yearlyQuantityCap}
        />
        <button type="submit" disabled={pending}>
          {t('cn.sellerSave')}
        </button>
        {saved ? (
          <p className="notice" role="status">
            {t('common.saved')}
          </p>
        ) : null}
        <FormError message={formError} />
      </fieldset>
    </form>
  );
}
