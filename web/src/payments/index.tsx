// Paying for a checkout: choose PromptPay (a dynamic QR in baht), Alipay (yuan, at a recorded rate)
// or a card; the page polls the payment and updates itself when the gateway confirms it, then
// offers the tax invoice or receipt. Also the sandbox gateway's own pages (wallet, card form),
// clearly labelled: they stand in for services that cannot be reached from here.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney } from '../app/i18n.ts';
import { Redirect, type PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import { FormError, PageTitle, TextArea, TextField } from '../components/ui.tsx';
import '../messages/payments.ts';
import '../messages/crossborder.ts';

type Method = 'promptpay' | 'alipay' | 'card';
interface Intent {
  id: string;
  groupId: string;
  method: Method;
  status: string;
  amount: number;
  currency: 'THB' | 'CNY';
  groupAmount: number;
  fx: { rate: string; source: string; rounding: string } | null;
  reference: string;
  expiresAt: string;
  redirectUrl: string | null;
  promptpay: { payload: string; qrSvg: string; qrPng: string; payee: string } | null;
  sandbox: boolean;
  failureCode?: string | null;
}
interface Group {
  id: string;
  totalSatang: number;
  currency: string;
  market?: string;
  orders: { id: string; number: string; status: string; lines?: { reference?: string | null }[] }[];
}

/** The tourism bookings a group paid for (its service lines name them), so the payer goes back to the ticket. */
const bookingsOf = (g: Group): string[] =>
  g.orders.flatMap((o) =>
    (o.lines ?? []).flatMap((l) => (l.reference?.startsWith('tourism.booking:') ? [l.reference.slice(16)] : [])),
  );
interface Doc {
  id: string;
  kind: 'tax_invoice' | 'receipt';
  number: string;
}
interface PayData {
  group: Group;
  intents: Intent[];
  settings: { sandbox: boolean; methods: Method[] };
}

const OPEN = new Set(['requires_action', 'processing']);

export function SandboxBadge() {
  const { t } = useApp();
  return (
    <p className="note sandbox" role="note">
      <strong>SANDBOX</strong> · {t('sandbox.badge')}
    </p>
  );
}

/** The tax invoice or receipt of each order, once issued (the outbox issues them a moment after payment). */
function Documents({ orders }: { orders: Group['orders'] }) {
  const { t, api, locale } = useApp();
  const [docs, setDocs] = useState<Doc[] | null>(null);
  useEffect(() => {
    let stop = false;
    const poll = async (tries: number) => {
      const lists = await Promise.all(
        orders.map((o) => api.get<Doc[]>(`/orders/${o.id}/documents`).catch(() => [] as Doc[])),
      );
      const all = lists.flat();
      if (stop) return;
      if (all.length >= orders.length || tries > 30) setDocs(all);
      else setTimeout(() => void poll(tries + 1), 1000);
    };
    void poll(0);
    return () => {
      stop = true;
    };
  }, [orders, api]);
  if (!docs) return <p role="status">{t('pay.documentsWaiting')}</p>;
  return (
    <ul>
      {docs.map((d) => (
        <li key={d.id}>
          <a href={`/api/documents/${d.id}/pdf?lang=${locale}`} download>
            {t('doc.download', { kind: t(`doc.${d.kind}`), number: d.number })}
          </a>
          {d.kind === 'tax_invoice' ? (
            <>
              {' '}
              ·{' '}
              <a href={`/api/documents/${d.id}/etax.xml`} download>
                {t('doc.etax')}
              </a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function PromptPayQr({ intent }: { intent: Intent }) {
  const { t, locale, api } = useApp();
  const { formError, pending, run } = useSubmit();
  const amount = formatMoney(intent.amount, locale, intent.currency);
  return (
    <div className="qr-pay">
      <img
        src={intent.promptpay!.qrSvg}
        width={240}
        height={240}
        alt={t('pay.qrAlt', { amount, reference: intent.reference })}
      />
      <dl className="facts">
        <dt>{t('pay.amount')}</dt>
        <dd className="grand">{amount}</dd>
        <dt>{t('pay.reference')}</dt>
        <dd>{intent.reference}</dd>
        <dt>{t('pay.payee')}</dt>
        <dd>{intent.promptpay!.payee}</dd>
        <dt>{t('pay.expires')}</dt>
        <dd>{formatDate(intent.expiresAt, locale)}</dd>
      </dl>
      <p>{t('pay.scan')}</p>
      <p>
        <a href={intent.promptpay!.qrPng} download={`promptpay-${intent.reference}.png`}>
          {t('pay.downloadQr')}
        </a>
      </p>
      {intent.sandbox ? (
        <section className="sandbox-panel" aria-label={t('sandbox.bankApp')}>
          <SandboxBadge />
          <button
            type="button"
            disabled={pending}
            onClick={() =>
              void run(() => api.send('POST', '/sandbox-gateway/promptpay/pay', { payload: intent.promptpay!.payload }))
            }
          >
            {t('sandbox.payQr')}
          </button>
          <FormError message={formError} />
        </section>
      ) : null}
    </div>
  );
}

interface BusinessDetails {
  name: string;
  taxId: string;
  branch: string;
  address: string;
}

/** Optional: the tax invoice in a business's name (a VAT-registered buyer needs its tax ID and branch on it). */
function BusinessInvoiceForm({ groupId }: { groupId: string }) {
  const { t, api } = useApp();
  const [value, setValue] = useState<BusinessDetails>({ name: '', taxId: '', branch: '00000', address: '' });
  const [saved, setSaved] = useState(false);
  const { errors, formError, pending, run } = useSubmit();
  const field = (k: keyof BusinessDetails) => ({
    name: k,
    value: value[k],
    error: errors[k],
    onChange: (e: { target: { value: string } }) => {
      setSaved(false);
      setValue({ ...value, [k]: e.target.value });
    },
  });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await run(() => api.send('PUT', `/order-groups/${groupId}/tax-invoice-details`, value))) setSaved(true);
  };
  return (
    <details className="business-invoice">
      <summary>{t('pay.business')}</summary>
      <form onSubmit={save} noValidate>
        <TextField label={t('pay.businessName')} autoComplete="organization" {...field('name')} />
        <TextField label={t('pay.businessTaxId')} inputMode="numeric" {...field('taxId')} />
        <TextField label={t('invoices.branch')} inputMode="numeric" maxLength={5} {...field('branch')} />
        <TextArea label={t('pay.businessAddress')} rows={2} {...field('address')} />
        <button type="submit" disabled={pending}>
          {t('common.save')}
        </button>
        {saved ? (
          <p role="status" className="ok">
            {t('common.saved')}
          </p>
        ) : null}
        <FormError message={formError} />
      </form>
    </details>
  );
}

export const payPage: PageModule<PayData> = {
  load: async ({ api, params }) => {
    const [group, intents, settings] = await Promise.all([
      api.get<Group>(`/order-groups/${encodeURIComponent(params.groupId)}`),
      api.get<Intent[]>(`/order-groups/${encodeURIComponent(params.groupId)}/payment-intents`),
      api.get<PayData['settings']>('/payments/settings'),
    ]);
    return { group, intents, settings };
  },
  head: (_d, { t }) => ({ title: t('pay.title'), noindex: true }),
  Page({ data }) {
    const { t, api, locale, href } = useApp();
    const captured = (i: Intent) =>
      (i.status === 'succeeded' || i.status === 'partially_refunded') && i.failureCode !== 'payer_mismatch';
    const paidAlready = data.group.orders.every((o) => o.status !== 'pending_payment' && o.status !== 'cancelled');
    const [intent, setIntent] = useState<Intent | null>(
      data.intents.find((i) => OPEN.has(i.status) || captured(i) || i.failureCode === 'payer_mismatch') ?? null,
    );
    const [method, setMethod] = useState<Method>(
      intent?.method ?? (data.group.market === 'CN' ? 'alipay' : 'promptpay'),
    );
    const [paid, setPaid] = useState(paidAlready || (intent ? captured(intent) : false));
    const { formError, pending, run } = useSubmit();
    const key = useRef<Record<string, string>>({});

    // Poll the intent while it waits for the gateway: the page changes by itself when money arrives.
    useEffect(() => {
      if (!intent || !OPEN.has(intent.status)) return;
      const timer = setInterval(async () => {
        const now = await api.get<Intent>(`/payment-intents/${intent.id}`).catch(() => null);
        if (now && now.status !== intent.status) {
          setIntent(now);
          if (captured(now)) setPaid(true);
        }
      }, 1500);
      return () => clearInterval(timer);
    }, [intent, api]);

    const start = async () => {
      key.current[method] ??= newIdempotencyKey();
      const created = await run(() =>
        api.send<Intent>(
          'POST',
          `/order-groups/${data.group.id}/payment-intents`,
          { method },
          { 'idempotency-key': key.current[method] },
        ),
      );
      if (created) setIntent(created);
    };

    return (
      <>
        <PageTitle>{t('pay.title')}</PageTitle>
        {data.settings.sandbox ? <SandboxBadge /> : null}
        {/* A cross-border group is paid in yuan, its landed total, by Alipay only (the customs payment declaration). */}
        {data.group.market === 'CN' ? (
          <p>
            {t('cn.landed')} · {data.group.orders.map((o) => o.number).join(', ')}
          </p>
        ) : (
          <p>
            {/* Once paid, nothing is "due" any more: a stale "amount due" read as a request to pay again. */}
            {t(paid ? 'pay.amountPaid' : 'pay.amountDue')}:{' '}
            <strong className="grand">{formatMoney(data.group.totalSatang, locale)}</strong> ·{' '}
            {data.group.orders.map((o) => o.number).join(', ')}
          </p>
        )}
        <div role="status" aria-live="polite">
          {paid ? (
            <p className="notice">{t('pay.paid')}</p>
          ) : intent && OPEN.has(intent.status) ? (
            <p>{t('pay.waiting')}</p>
          ) : null}
          {intent && !paid && !OPEN.has(intent.status) ? (
            <p className="form-error">
              {intent.failureCode === 'payer_mismatch' ? t('cn.payerMismatch') : t(`pay.${intent.status}`)}
            </p>
          ) : null}
        </div>
        {paid ? (
          <section aria-labelledby="docs">
            <h2 id="docs">{t('pay.documents')}</h2>
            <Documents orders={data.group.orders} />
            <p>
              {/* A booking's payer goes back to the ticket; a cross-border order has its own page. */}
              {bookingsOf(data.group).length ? (
                bookingsOf(data.group).map((id) => (
                  <a key={id} href={href(`/tours/bookings/${id}`)}>
                    {t('pay.viewTicket')}
                  </a>
                ))
              ) : data.group.market === 'CN' && data.group.orders.length === 1 ? (
                <a href={href(`/orders/${data.group.orders[0].id}`)}>
                  {t('cn.orderTitle', { no: data.group.orders[0].number })}
                </a>
              ) : (
                <a href={href('/orders')}>{t('pay.viewOrders')}</a>
              )}
            </p>
          </section>
        ) : (
          <>
            <fieldset className="pay-methods">
              <legend>{t('pay.choose')}</legend>
              {data.settings.methods
                .filter((m) => data.group.market !== 'CN' || m === 'alipay')
                .map((m) => (
                  <label key={m} className="radio">
                    <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />{' '}
                    {t(`pay.method.${m}`)}
                  </label>
                ))}
            </fieldset>
            {!intent || intent.method !== method || !OPEN.has(intent.status) ? (
              <button type="button" className="primary" disabled={pending} onClick={() => void start()}>
                {pending ? t('pay.starting') : t('pay.start')}
              </button>
            ) : null}
            <FormError message={formError} />
            <BusinessInvoiceForm groupId={data.group.id} />
            {intent && intent.method === method && OPEN.has(intent.status) ? (
              intent.method === 'promptpay' ? (
                <PromptPayQr intent={intent} />
              ) : (
                <div>
                  <p>
                    {t('pay.amount')}:{' '}
                    <strong className="grand">{formatMoney(intent.amount, locale, intent.currency)}</strong>
                  </p>
                  {intent.fx ? <p className="muted">{t('pay.rate', { rate: intent.fx.rate })}</p> : null}
                  <p className="muted">
                    {t('pay.expires')} {formatDate(intent.expiresAt, locale)}
                  </p>
                  {intent.redirectUrl ? (
                    <p>
                      <a className="button primary" href={intent.redirectUrl}>
                        {intent.method === 'alipay' ? t('pay.goAlipay') : t('pay.goCard')}
                      </a>
                    </p>
                  ) : null}
                </div>
              )
            ) : null}
          </>
        )}
      </>
    );
  },
};

/** Where a gateway sends the buyer back: the payment page of the intent's checkout. */
export const payReturnPage: PageModule<null> = {
  load: async ({ api, params, locale }) => {
    const intent = await api.get<Intent>(`/payment-intents/${encodeURIComponent(params.intentId)}`);
    throw new Redirect(`${locale === 'th' ? '' : `/${locale}`}/pay/${intent.groupId}`);
  },
  head: (_d, { t }) => ({ title: t('pay.title'), noindex: true }),
  Page: () => null,
};

interface Charge {
  id: string;
  amount: number;
  currency: 'THB' | 'CNY';
  status: string;
  merchantRequestId: string;
}

function SandboxCharge({ charge, title, children }: { charge: Charge; title: string; children: React.ReactNode }) {
  const { t, locale } = useApp();
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <SandboxBadge />
      <p>
        {t('pay.amount')}: <strong className="grand">{formatMoney(charge.amount, locale, charge.currency)}</strong>
      </p>
      {children}
    </>
  );
}

function useSandboxPay(charge: Charge, path: string) {
  const { api, navigate, href } = useApp();
  const submit = useSubmit();
  const pay = async (body?: object) => {
    const done = await submit.run(() => api.send<Charge>('POST', path, body));
    if (done) await navigate(href(`/pay/intent/${charge.merchantRequestId}`));
  };
  return { ...submit, pay };
}

export const sandboxAlipayPage: PageModule<Charge> = {
  load: ({ api, params }) => api.get<Charge>(`/sandbox-gateway/alipay/payments/${encodeURIComponent(params.id)}`),
  head: (_d, { t }) => ({ title: t('sandbox.alipayTitle'), noindex: true }),
  Page({ data }) {
    const { t } = useApp();
    const { pay, pending, formError } = useSandboxPay(data, `/sandbox-gateway/alipay/payments/${data.id}/confirm`);
    // A real-name wallet: for cross-border orders Alipay reports its holder, who must be the buyer.
    const [payer, setPayer] = useState({ name: '', idNumber: '' });
    return (
      <SandboxCharge charge={data} title={t('sandbox.alipayTitle')}>
        <fieldset>
          <legend>{t('cn.payerSandbox')}</legend>
          <TextField
            label={t('cn.name')}
            name="payerName"
            value={payer.name}
            onChange={(e) => setPayer({ ...payer, name: e.target.value })}
          />
          <TextField
            label={t('cn.idNumber')}
            name="payerIdNumber"
            value={payer.idNumber}
            maxLength={18}
            autoComplete="off"
            onChange={(e) => setPayer({ ...payer, idNumber: e.target.value })}
          />
        </fieldset>
        <button
          type="button"
          className="primary"
          disabled={pending || data.status !== 'pending'}
          onClick={() => void pay(payer.name && payer.idNumber ? { payer } : undefined)}
        >
          {t('sandbox.alipayConfirm')}
        </button>
        <FormError message={formError} />
      </SandboxCharge>
    );
  },
};

export const sandboxCardPage: PageModule<Charge> = {
  load: ({ api, params }) => api.get<Charge>(`/sandbox-gateway/card/charges/${encodeURIComponent(params.id)}`),
  head: (_d, { t }) => ({ title: t('sandbox.cardTitle'), noindex: true }),
  Page({ data }) {
    const { t, locale } = useApp();
    const [card, setCard] = useState('');
    const { pay, pending, formError } = useSandboxPay(data, `/sandbox-gateway/card/charges/${data.id}/pay`);
    return (
      <SandboxCharge charge={data} title={t('sandbox.cardTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void pay({ cardNumber: card });
          }}
          noValidate
        >
          <TextField
            label={t('sandbox.cardNumber')}
            hint={t('sandbox.cardHint')}
            inputMode="numeric"
            autoComplete="cc-number"
            value={card}
            onChange={(e) => setCard(e.target.value)}
          />
          <button type="submit" className="primary" disabled={pending || data.status !== 'pending'}>
            {t('sandbox.payCard', { amount: formatMoney(data.amount, locale, data.currency) })}
          </button>
        </form>
        <FormError message={formError} />
      </SandboxCharge>
    );
  },
};
