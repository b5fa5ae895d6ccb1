// The operator's standards console: certificates to review against their documents (with the
// agency look-up's answer, sandbox said so), verify / reject / revoke; flagship applications with
// their requirements as they stand, approve or reject.
import { type FormEvent, useState } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, TextField } from '../components/ui.tsx';
import { ConsoleNav } from '../ops/index.tsx';
import { type Certificate, CertificateRow } from './seller.tsx';
import '../messages/standards.ts';
import './standards.css';

interface Application {
  sellerId: string;
  status: string;
  brandName: string;
  requirements: { code: string; ok: boolean; text: string }[];
}
interface OpsData {
  queue: Certificate[];
  sandbox: boolean;
  verified: Certificate[];
  flagship: Application[];
}

function Decide({ c, onDone }: { c: Certificate; onDone: () => void }) {
  const { t, api } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const act = async (action: 'verify' | 'reject' | 'revoke', reason?: string) => {
    const done = await run(() =>
      api.send(
        'POST',
        `/operator/standards/certificates/${c.id}/${action}`,
        action === 'verify' ? undefined : { reason: reason ?? '' },
      ),
    );
    if (done) onDone();
  };
  const withReason = (action: 'reject' | 'revoke') => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void act(action, formValues(e.currentTarget).reason);
  };
  return (
    <div className="stack-form">
      {c.status === 'pending' ? (
        <button type="button" className="primary" disabled={pending} onClick={() => void act('verify')}>
          {t('opsStandards.verify')}
        </button>
      ) : null}
      <form onSubmit={withReason(c.status === 'pending' ? 'reject' : 'revoke')} noValidate className="inline-form">
        <TextField label={t('opsStandards.reason')} name="reason" error={errors.reason} />
        <button type="submit" className="danger" disabled={pending}>
          {t(c.status === 'pending' ? 'opsStandards.reject' : 'opsStandards.revoke')}
        </button>
      </form>
      <FormError message={formError} />
    </div>
  );
}

export const opsStandardsPage: PageModule<OpsData> = {
  access: 'operator',
  async load({ api }) {
    const [queue, verified, flagship] = await Promise.all([
      api.get<{ items: Certificate[]; sandbox: boolean }>('/operator/standards/certificates?status=pending'),
      api.get<{ items: Certificate[] }>('/operator/standards/certificates?status=verified'),
      api.get<{ items: Application[] }>('/operator/standards/flagship'),
    ]);
    return { queue: queue.items, sandbox: queue.sandbox, verified: verified.items, flagship: flagship.items };
  },
  head: (_d, { t }) => ({ title: t('opsStandards.title'), noindex: true }),
  Page({ data }) {
    const { t, api, reload } = useApp();
    const [message, setMessage] = useState<string | null>(null);
    const { formError, pending, run } = useSubmit();
    const approve = async (sellerId: string) => {
      const done = await run(() => api.send('POST', `/operator/standards/flagship/${sellerId}/approve`));
      if (done) await reload();
    };
    const sweep = async () => {
      const done = await run(() => api.send<{ changed: number }>('POST', '/operator/standards/sweep'));
      if (done) {
        setMessage(String(done.changed));
        await reload();
      }
    };
    return (
      <>
        <ConsoleNav current="standards" />
        <PageTitle>{t('opsStandards.title')}</PageTitle>
        {data.sandbox ? <p className="notice">{t('marks.sandbox')}</p> : null}
        <h2>{t('opsStandards.queue')}</h2>
        {data.queue.length ? (
          <ul className="cert-list plain">
            {data.queue.map((c) => (
              <CertificateRow key={c.id} c={c}>
                <Decide c={c} onDone={() => void reload()} />
              </CertificateRow>
            ))}
          </ul>
        ) : (
          <Empty>{t('opsStandards.empty')}</Empty>
        )}
        <h2>{t('opsStandards.flagship')}</h2>
        {data.flagship.length ? (
          <ul className="plain">
            {data.flagship.map((a) => (
              <li key={a.sellerId}>
                <strong>{a.brandName}</strong> — {t(`flagshipApp.status.${a.status}`)}
                <ul>
                  {a.requirements.map((r) => (
                    <li key={r.code} className={r.ok ? 'status-verified' : 'status-rejected'}>
                      {r.ok ? '✓ ' : '✗ '}
                      {r.text}
                    </li>
                  ))}
                </ul>
                {a.status === 'pending' ? (
                  <button type="button" className="primary" disabled={pending} onClick={() => void approve(a.sellerId)}>
                    {t('opsStandards.approve')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('opsStandards.empty')}</Empty>
        )}
        <FormError message={formError} />
        <h2>{t('standards.status.verified')}</h2>
        <ul className="cert-list plain">
          {data.verified.map((c) => (
            <CertificateRow key={c.id} c={c}>
              <Decide c={c} onDone={() => void reload()} />
            </CertificateRow>
          ))}
        </ul>
        <p>
          <button type="button" onClick={() => void sweep()} disabled={pending}>
            {t('opsStandards.sweep')}
          </button>
          {message !== null ? <span role="status"> {message}</span> : null}
        </p>
      </>
    );
  },
};
