// The seller centre's webhooks: subscribe an endpoint to topics (its secret shown to the shop), enable,
// disable, rotate the secret or delete it, read each endpoint's delivery log and replay a delivery;
// the notice of an endpoint the platform disabled for failing.
import { type FormEvent, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, TextField } from '../components/ui.tsx';
import { ShopNav } from '../seller/shared.tsx';
import '../messages/webhooks.ts';

interface Endpoint {
  id: string;
  url: string;
  description: string;
  topics: string[];
  secret: string;
  lowStockThreshold: number;
  status: 'enabled' | 'disabled';
  disabledAt: string | null;
}
interface Notice {
  id: string;
  endpointId: string;
  kind: string;
  at: string;
}
interface Delivery {
  id: string;
  topic: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
}
interface Data {
  items: Endpoint[];
  topics: string[];
  notices: Notice[];
}

function DeliveryLog({ endpoint }: { endpoint: Endpoint }) {
  const { t, api, locale } = useApp();
  const [items, setItems] = useState<Delivery[] | null>(null);
  const { formError, pending, run } = useSubmit();
  const load = async () =>
    setItems((await api.get<{ items: Delivery[] }>(`/webhook-endpoints/${endpoint.id}/deliveries`)).items);
  const replay = async (d: Delivery) => {
    if ((await run(() => api.send('POST', `/webhook-deliveries/${d.id}/replay`))) !== undefined) await load();
  };
  return (
    <details onToggle={(e) => (e.currentTarget.open && !items ? void load() : undefined)}>
      <summary>{t('webhooks.log')}</summary>
      <FormError message={formError} />
      {items && !items.length ? <Empty>{t('webhooks.noDeliveries')}</Empty> : null}
      <ul className="device-list">
        {(items ?? []).map((d) => (
          <li key={d.id} className="device" data-delivery={d.status}>
            <strong>{t(`webhooks.topic.${d.topic}`)}</strong> · {t(`webhooks.delivery.${d.status}`)}
            <p className="muted">
              {formatDate(d.createdAt, locale)} · {t('webhooks.attempts', { n: d.attempts })}
              {d.lastStatusCode ? ` · HTTP ${d.lastStatusCode}` : ''}
              {d.lastError ? ` · ${d.lastError}` : ''}
            </p>
            {d.status === 'pending' && d.nextAttemptAt ? (
              <p className="muted">{t('webhooks.nextAttempt', { when: formatDate(d.nextAttemptAt, locale) })}</p>
            ) : null}
            <button type="button" disabled={pending || endpoint.status !== 'enabled'} onClick={() => void replay(d)}>
              {t('webhooks.replay')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export const webhooksPage: PageModule<Data> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/sellers/${params.sellerId}/webhook-endpoints`),
  head: (_d, { t }) => ({ title: t('webhooks.title'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [state, setState] = useState(data);
    const { errors, formError, pending, run } = useSubmit();
    const base = `/sellers/${params.sellerId}/webhook-endpoints`;
    const refresh = async () => setState(await api.get<Data>(base));
    const create = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const v = formValues(form);
      const topics = state.topics.filter((topic) => (form.elements.namedItem(topic) as HTMLInputElement)?.checked);
      const made = await run(() =>
        api.send('POST', base, {
          url: v.url ?? '',
          description: v.description ?? '',
          topics,
          lowStockThreshold: Number(v.lowStockThreshold || 5),
        }),
      );
      if (made) {
        form.reset();
        await refresh();
      }
    };
    const act = async (work: () => Promise<unknown>) => {
      if ((await run(work)) !== undefined) await refresh();
    };
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="webhooks" />
        <PageTitle>{t('webhooks.title')}</PageTitle>
        <p>{t('webhooks.intro')}</p>
        {state.notices.map((n) => (
          <p key={n.id} className="notice" role="alert">
            {t(`webhooks.notice.${n.kind}`, {
              url: state.items.find((e) => e.id === n.endpointId)?.url ?? '',
              when: formatDate(n.at, locale),
            })}
          </p>
        ))}
        <form onSubmit={create} noValidate>
          <TextField label={t('webhooks.url')} name="url" type="url" required error={errors.url} />
          <TextField label={t('webhooks.description')} name="description" error={errors.description} />
          <fieldset>
            <legend>{t('webhooks.topics')}</legend>
            {state.topics.map((topic) => (
              <label key={topic} className="check">
                <input type="checkbox" name={topic} defaultChecked={topic.startsWith('order.')} />{' '}
                {t(`webhooks.topic.${topic}`)}
              </label>
            ))}
            {errors.topics ? <p className="field-error">{errors.topics}</p> : null}
          </fieldset>
          <TextField
            label={t('webhooks.threshold')}
            name="lowStockThreshold"
            type="number"
            min={0}
            defaultValue={5}
            inputMode="numeric"
          />
          <button type="submit" className="primary" disabled={pending}>
            {t('webhooks.add')}
          </button>
        </form>
        <FormError message={formError} />
        {state.items.length ? null : <Empty>{t('webhooks.none')}</Empty>}
        <ul className="device-list">
          {state.items.map((e) => (
            <li key={e.id} className="device" data-endpoint={e.status}>
              <h2 className="device-name" style={{ overflowWrap: 'anywhere' }}>
                {e.url} <span className="tag">{t(`webhooks.status.${e.status}`)}</span>
              </h2>
              {e.description ? <p>{e.description}</p> : null}
              <p className="muted">{e.topics.map((topic) => t(`webhooks.topic.${topic}`)).join(' · ')}</p>
              <p>
                {t('webhooks.secret')}:{' '}
                <code className="secret" style={{ overflowWrap: 'anywhere' }}>
                  {e.secret}
                </code>
              </p>
              <div className="inline-form">
                <button
                  type="button"
                  disabled={pending}
                  onClick={() =>
                    void act(() => api.send('PUT', `/webhook-endpoints/${e.id}`, { enabled: e.status !== 'enabled' }))
                  }
                >
                  {e.status === 'enabled' ? t('webhooks.disable') : t('webhooks.enable')}
                </button>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => void act(() => api.send('POST', `/webhook-endpoints/${e.id}/secret`))}
                >
                  {t('webhooks.rotate')}
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={pending}
                  onClick={() => void act(() => api.send('DELETE', `/webhook-endpoints/${e.id}`))}
                >
                  {t('webhooks.delete')}
                </button>
              </div>
              <DeliveryLog endpoint={e} />
            </li>
          ))}
        </ul>
      </>
    );
  },
};
