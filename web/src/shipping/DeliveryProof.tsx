// Proof of delivery: the shop that shipped a parcel itself sends a photo of it handed over, or the
// recipient's signature, with the recipient's name; the buyer, the shop and operators see it on the
// order. Without it (or a carrier's delivery event) an order does not become delivered.
import { useEffect, useState, type FormEvent } from 'react';
import { sendForm } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, SelectField, TextField } from '../components/ui.tsx';
import '../messages/shipping.ts';

export interface DeliveryProof {
  orderId: string;
  kind: 'photo' | 'signature';
  recipientName: string;
  note: string | null;
  deliveredAt: string;
  contentType: string;
  fileUrl: string;
}

/** The shop's form: kind, the picture (the phone's camera opens), the recipient, a note. */
export function DeliveryProofForm({
  orderId,
  onSent,
  onCancel,
}: {
  orderId: string;
  onSent: (p: DeliveryProof) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = new FormData();
    body.append(
      'proof',
      JSON.stringify({
        kind: String(f.get('kind') ?? 'photo'),
        recipientName: String(f.get('recipientName') ?? ''),
        note: String(f.get('note') ?? '').trim() || null,
      }),
    );
    const file = f.get('file');
    if (file instanceof File && file.size) body.append('file', file);
    const sent = await run(() => sendForm<DeliveryProof>(`/orders/${orderId}/delivery-proof`, body, locale));
    if (sent) onSent(sent);
  };
  return (
    <form onSubmit={submit} className="stack-form delivery-proof" noValidate aria-label={t('proof.title')}>
      <p className="muted">{t('proof.why')}</p>
      <SelectField
        label={t('proof.kind')}
        name="kind"
        error={errors.kind}
        defaultValue="photo"
        options={[
          { value: 'photo', label: t('proof.kind.photo') },
          { value: 'signature', label: t('proof.kind.signature') },
        ]}
      />
      <TextField
        label={t('proof.file')}
        type="file"
        name="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        required
        error={errors.file}
      />
      <TextField label={t('proof.recipient')} name="recipientName" required error={errors.recipientName} />
      <TextField label={t('proof.note')} name="note" error={errors.note} />
      <p className="inline-form">
        <button type="submit" className="primary" disabled={pending}>
          {t('proof.send')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </p>
      <FormError message={formError} />
    </form>
  );
}

/** The proof as the buyer, the shop and operators see it; nothing when there is none. */
export function DeliveryProofCard({ orderId, initial }: { orderId: string; initial?: DeliveryProof | null }) {
  const { t, locale, api } = useApp();
  const [proof, setProof] = useState<DeliveryProof | null>(initial ?? null);
  useEffect(() => {
    if (initial) return;
    let live = true;
    api.get<DeliveryProof>(`/orders/${orderId}/delivery-proof`).then(
      (p) => live && setProof(p),
      () => undefined, // a carrier's delivery has no proof from the shop
    );
    return () => {
      live = false;
    };
  }, [orderId, initial, api]);
  if (!proof) return null;
  return (
    <figure className="delivery-proof-card">
      <img src={proof.fileUrl} alt={t(`proof.kind.${proof.kind}`)} loading="lazy" width={160} />
      <figcaption>
        <strong>{t('proof.title')}</strong> · {t(`proof.kind.${proof.kind}`)}
        <br />
        {t('proof.recipient')}: {proof.recipientName} · {formatDate(proof.deliveredAt, locale)}
        {proof.note ? (
          <>
            <br />
            {proof.note}
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
