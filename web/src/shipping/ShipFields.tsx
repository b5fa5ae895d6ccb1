// The fields of a shop's "shipped" step: the carrier and its tracking number, with the carrier's
// number format as a hint (the server checks it, the S10 check digit for Thailand Post included).
import { useEffect, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { SelectField, TextField } from '../components/ui.tsx';
import '../messages/shipping.ts';

interface CarrierOption {
  code: string;
  name: string;
  format: string;
  sandboxTracked: boolean;
}

export function ShipFields({ errors }: { errors: Record<string, string> }) {
  const { t, api, locale } = useApp();
  const [carriers, setCarriers] = useState<CarrierOption[]>([]);
  const [carrier, setCarrier] = useState('thailand-post');
  useEffect(() => {
    api
      .get<CarrierOption[]>('/shipping/carriers')
      .then(setCarriers)
      .catch(() => setCarriers([]));
  }, [api, locale]);
  const chosen = carriers.find((c) => c.code === carrier);
  return (
    <>
      <SelectField
        label={t('ship.carrier')}
        name="carrier"
        value={carrier}
        onChange={(e) => setCarrier(e.target.value)}
        options={
          carriers.length
            ? carriers.map((c) => ({ value: c.code, label: c.name }))
            : [{ value: 'thailand-post', label: 'Thailand Post' }]
        }
        error={errors.carrier}
      />
      <TextField
        label={t('sellerOrders.tracking')}
        name="trackingNumber"
        required
        autoComplete="off"
        spellCheck={false}
        hint={chosen ? t('ship.trackingHint', { format: chosen.format }) : undefined}
        error={errors.trackingNumber}
      />
    </>
  );
}
