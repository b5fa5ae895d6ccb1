// The papers that come with a shop application: the owner attaches them (ID card, the business's
// certificate, the bank book's page) while the application is pending or after a rejection; the
// operator sees the same list, opens each one, and is told which expected kinds are missing.
import { useEffect, useState, type FormEvent } from 'react';
import { sendForm } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, SelectField, TextField } from '../components/ui.tsx';
import '../messages/seller.ts';

export interface ApplicationDocument {
  id: string;
  kind: string;
  contentType: string;
  bytes: number;
  uploadedAt: string;
  fileUrl: string;
}

const KINDS = [
  'id_card',
  'company_certificate',
  'community_enterprise_certificate',
  'cooperative_certificate',
  'otop_registration',
  'bank_book',
  'other',
];

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;

/** The list of papers, each a link that opens it; the owner may remove one while editable. */
export function DocumentList({
  documents,
  onRemove,
}: {
  documents: ApplicationDocument[];
  onRemove?: (d: ApplicationDocument) => void;
}) {
  const { t, locale } = useApp();
  if (!documents.length) return <p className="muted">{t('docs.none')}</p>;
  return (
    <ul className="documents">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={d.fileUrl} target="_blank" rel="noopener">
            {t(`docs.kind.${d.kind}`)}
          </a>{' '}
          <span className="muted">
            {d.contentType === 'application/pdf' ? 'PDF' : t('docs.image')} · {size(d.bytes)} ·{' '}
            {formatDate(d.uploadedAt, locale)}
          </span>
          {onRemove ? (
            <>
              {' '}
              <button type="button" className="link" onClick={() => onRemove(d)}>
                {t('docs.remove')}
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The owner's section on a pending or rejected application: what is attached, and a form to add more. */
export function ApplicationDocuments({ sellerId }: { sellerId: string }) {
  const { t, locale, api } = useApp();
  const [documents, setDocuments] = useState<ApplicationDocument[] | null>(null);
  const { errors, formError, pending, run } = useSubmit();
  const [formKey, setFormKey] = useState(0);
  useEffect(() => {
    api
      .get<ApplicationDocument[]>(`/sellers/${sellerId}/application/documents`)
      .then(setDocuments, () => setDocuments([]));
  }, [api, sellerId]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = new FormData();
    body.append('document', JSON.stringify({ kind: String(f.get('kind') ?? '') }));
    const file = f.get('file');
    if (file instanceof File && file.size) body.append('file', file);
    const added = await run(() =>
      sendForm<ApplicationDocument>(`/sellers/${sellerId}/application/documents`, body, locale),
    );
    if (added) {
      setDocuments((list) => [...(list ?? []), added]);
      setFormKey((k) => k + 1); // a fresh, empty form for the next paper
    }
  };
  const remove = async (d: ApplicationDocument) => {
    if (await run(() => api.send('DELETE', `/sellers/${sellerId}/application/documents/${d.id}`)))
      setDocuments((list) => (list ?? []).filter((x) => x.id !== d.id));
  };
  return (
    <section className="application-documents" aria-label={t('docs.title')}>
      <h4>{t('docs.title')}</h4>
      <p className="muted">{t('docs.why')}</p>
      {documents ? <DocumentList documents={documents} onRemove={(d) => void remove(d)} /> : null}
      <form key={formKey} onSubmit={submit} className="stack-form" noValidate aria-label={t('docs.add')}>
        <SelectField
          label={t('docs.kind')}
          name="kind"
          required
          defaultValue=""
          placeholder={t('checkout.choose')}
          options={KINDS.map((k) => ({ value: k, label: t(`docs.kind.${k}`) }))}
          error={errors.kind}
        />
        <TextField
          label={t('docs.file')}
          type="file"
          name="file"
          accept="application/pdf,image/jpeg,image/png,image/webp"
          required
          hint={t('docs.fileHint')}
          error={errors.file}
        />
        <button type="submit" disabled={pending}>
          {pending ? t('common.saving') : t('docs.add')}
        </button>
        <FormError message={formError} />
      </form>
    </section>
  );
}
