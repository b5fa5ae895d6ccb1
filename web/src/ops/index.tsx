// The operator console: shop applications to approve or reject with a reason, all shops, all
// orders with the demo "mark paid". Every page is for operators only, checked by the server.
import { useEffect, useState, type FormEvent } from 'react';
import { query } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatDate, pick } from '../app/i18n.ts';
import { Redirect, type PageModule } from '../app/router.ts';
import type { Page } from '../app/shapes.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Pager } from '../components/Pager.tsx';
import { Empty, FormError, PageTitle, Price, TextArea } from '../components/ui.tsx';
import { StatusBadge, type OrderView } from '../pages/Orders.tsx';
import { DocumentList, type ApplicationDocument } from '../seller/application-documents.tsx';
import '../messages/ops.ts';
import '../messages/seller.ts';
import '../messages/payments.ts';
import '../messages/crossborder.ts';
import '../messages/standards.ts';
import '../messages/promotions.ts';
import '../messages/reviews.ts';

interface ApprovalChecks {
  warnings: { key: string; code: string; field: string; blocking: boolean }[];
  registry: { label: string; found: boolean };
  payout: { accountName: string | null; matches: boolean | null };
  documents: ApplicationDocument[];
  missingDocuments: string[];
}

interface Seller {
  id: string;
  slug: string;
  status: string;
  rejectionReason: string | null;
  legalName: { th: string; en: string | null };
  shopName: { th: string; zh: string | null; en: string | null };
  businessType: string;
  taxId: string;
  province: { code: string; th: string; zh: string; en: string };
  contactPhone: string;
  contactEmail: string | null;
  createdAt: string;
}

export function ConsoleNav({
  current,
}: {
  current:
    | 'applications'
    | 'sellers'
    | 'orders'
    | 'payouts'
    | 'customs'
    | 'standards'
    | 'vouchers'
    | 'reviews'
    | 'trade/claims';
}) {
  const { t, href } = useApp();
  const link = (to: typeof current, label: string) => (
    <a href={href(`/ops/${to}`)} aria-current={current === to ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <nav className="console-nav" aria-label={t('ops.nav')}>
      {link('applications', t('ops.applications'))}
      {link('sellers', t('ops.sellers'))}
      {link('orders', t('ops.orders'))}
      {link('payouts', t('ops.payouts'))}
      {link('customs', t('cn.rejections'))}
      {link('standards', t('opsStandards.title'))}
      {link('vouchers', t('promo.platformVouchers'))}
      {link('reviews', t('reviews.opsTitle'))}
      {link('trade/claims', t('ops.tradeClaims'))}
    </nav>
  );
}

export const opsHomePage: PageModule<null> = {
  access: 'operator',
  load: ({ locale }) => {
    throw new Redirect(`${locale === 'th' ? '' : `/${locale}`}/ops/applications`);
  },
  head: (_d, { t }) => ({ title: t('ops.title'), noindex: true }),
  Page: () => null,
};

function Review({ seller, onDone }: { seller: Seller; onDone: (message: string) => void }) {
  const { t, api, locale } = useApp();
  const [rejecting, setRejecting] = useState(false);
  const { errors, formError, pending, run } = useSubmit();
  const name = pick(seller.shopName, locale);
  const [checks, setChecks] = useState<ApprovalChecks | null>(null);
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  useEffect(() => {
    api.get<ApprovalChecks>(`/sellers/${seller.id}/review`).then(setChecks, () => setChecks(null));
  }, [api, seller.id]);
  const approve = async () => {
    if (await run(() => api.send('POST', `/sellers/${seller.id}/approve`, { acknowledgedWarnings: acknowledged })))
      onDone(t('ops.approved', { name }));
  };
  const reject = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (
      await run(() =>
        api.send('POST', `/sellers/${seller.id}/reject`, { reason: formValues(e.currentTarget).reason ?? '' }),
      )
    )
      onDone(t('ops.rejected', { name }));
  };
  return (
    <li>
      <h2>
        {name} <span className="muted">({seller.legalName.th})</span>
      </h2>
      <dl className="facts">
        <dt>{t('apply.businessType')}</dt>
        <dd>{t(`business.${seller.businessType}`)}</dd>
        <dt>{t('ops.taxId')}</dt>
        <dd>{seller.taxId}</dd>
        <dt>{t('apply.province')}</dt>
        <dd>{seller.province[locale]}</dd>
        <dt>{t('ops.contact')}</dt>
        <dd>
          {seller.contactPhone}
          {seller.contactEmail ? ` · ${seller.contactEmail}` : ''}
        </dd>
        <dt>{t('ops.appliedOn')}</dt>
        <dd>{formatDate(seller.createdAt, locale)}</dd>
      </dl>
      {checks ? (
        <section aria-label={t('ops.checks')}>
          <p>
            {t('ops.registry')}: {checks.registry.label} —{' '}
            {checks.registry.found ? t('ops.registryFound') : t('ops.registryNotFound')}
          </p>
          {checks.payout.accountName ? (
            <p className={checks.payout.matches ? undefined : 'error'}>
              {t('ops.payoutName')}: {checks.payout.accountName} —{' '}
              {checks.payout.matches ? t('ops.payoutNameMatches') : t('ops.payoutNameDiffers')}
            </p>
          ) : null}
          <h3>{t('docs.title')}</h3>
          <DocumentList documents={checks.documents} />
          {checks.missingDocuments.length ? (
            <p className="error">
              {t('docs.missing')}: {checks.missingDocuments.map((k) => t(`docs.kind.${k}`)).join(', ')}
            </p>
          ) : null}
          {checks.warnings.filter((w) => w.code !== 'document_missing').length ? (
            <ul className="warnings">
              {checks.warnings
                .filter((w) => w.code !== 'document_missing')
                .map((w) => (
                  <li key={w.key} className="error">
                    {w.blocking ? (
                      <label>
                        <input
                          type="checkbox"
                          checked={acknowledged.includes(w.key)}
                          onChange={(e) =>
                            setAcknowledged((a) => (e.target.checked ? [...a, w.key] : a.filter((k) => k !== w.key)))
                          }
                        />{' '}
                        {t(`ops.warning.${w.code}`, { field: w.field })} — {t('ops.acknowledge')}
                      </label>
                    ) : (
                      t(`ops.warning.${w.code}`, { field: w.field })
                    )}
                  </li>
                ))}
            </ul>
          ) : (
            <p>{t('ops.noWarnings')}</p>
          )}
        </section>
      ) : null}
      <p className="inline-form">
        <button type="button" className="primary" disabled={pending} onClick={() => void approve()}>
          {t('ops.approve')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={pending}
          onClick={() => setRejecting(true)}
          aria-expanded={rejecting}
        >
          {t('ops.reject')}
        </button>
      </p>
      {rejecting ? (
        <form onSubmit={reject} noValidate>
          <TextArea label={t('ops.rejectReason')} name="reason" required rows={3} error={errors.reason} />
          <button type="submit" className="danger" disabled={pending}>
            {t('ops.confirmReject')}
          </button>
        </form>
      ) : null}
      <FormError message={formError} />
    </li>
  );
}

export const applicationsPage: PageModule<Page<Seller>> = {
  access: 'operator',
  load: ({ api }) => api.get('/sellers?status=pending&perPage=50'),
  head: (_d, { t }) => ({ title: t('ops.applications'), noindex: true }),
  Page({ data }) {
    const { t } = useApp();
    const [pending, setPending] = useState(data.items);
    const [message, setMessage] = useState<string | null>(null);
    return (
      <>
        <PageTitle>{t('ops.applications')}</PageTitle>
        <ConsoleNav current="applications" />
        {message ? (
          <p role="status" className="ok">
            {message}
          </p>
        ) : null}
        {pending.length ? (
          <ul className="cards">
            {pending.map((s) => (
              <Review
                key={s.id}
                seller={s}
                onDone={(m) => {
                  setMessage(m);
                  setPending(pending.filter((x) => x.id !== s.id));
                }}
              />
            ))}
          </ul>
        ) : (
          <Empty>{t('ops.noApplications')}</Empty>
        )}
      </>
    );
  },
};

const SELLER_STATUSES = ['pending', 'approved', 'rejected', 'suspended'];

export const sellersPage: PageModule<Page<Seller>> = {
  access: 'operator',
  load: ({ api, query: q }) =>
    api.get(`/sellers${query({ status: q.get('status'), page: q.get('page'), perPage: 50 })}`),
  head: (_d, { t }) => ({ title: t('ops.sellers'), noindex: true }),
  Page({ data, query: q }) {
    const { t, href, locale } = useApp();
    const current = q.get('status') ?? '';
    return (
      <>
        <PageTitle>{t('ops.sellers')}</PageTitle>
        <ConsoleNav current="sellers" />
        <nav className="inline-form" aria-label={t('ops.filterStatus')}>
          {['', ...SELLER_STATUSES].map((s) => (
            <a
              key={s || 'all'}
              href={href('/ops/sellers') + (s ? `?status=${s}` : '')}
              aria-current={current === s ? 'page' : undefined}
            >
              {s ? t(`seller.status.${s}`) : t('ops.all')}
            </a>
          ))}
        </nav>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('ops.shop')}</th>
                <th scope="col">{t('apply.businessType')}</th>
                <th scope="col">{t('apply.province')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('ops.appliedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.status === 'approved' ? (
                      <a href={href(`/shop/${s.slug}`)}>{pick(s.shopName, locale)}</a>
                    ) : (
                      pick(s.shopName, locale)
                    )}
                    {s.rejectionReason ? (
                      <p className="muted">{t('seller.rejectedReason', { reason: s.rejectionReason })}</p>
                    ) : null}
                  </td>
                  <td>{t(`business.${s.businessType}`)}</td>
                  <td>{s.province[locale]}</td>
                  <td>
                    <span className={`status status-${s.status}`}>{t(`seller.status.${s.status}`)}</span>
                  </td>
                  <td>{formatDate(s.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager page={data.page} perPage={data.perPage} total={data.total} />
      </>
    );
  },
};

export const opsOrdersPage: PageModule<Page<OrderView>> = {
  access: 'operator',
  load: ({ api, query: q }) =>
    api.get(`/operator/orders${query({ status: q.get('status'), page: q.get('page'), perPage: 50 })}`),
  head: (_d, { t }) => ({ title: t('ops.orders'), noindex: true }),
  Page({ data }) {
    const { t, api, locale, href } = useApp();
    const [orders, setOrders] = useState(data.items);
    const [message, setMessage] = useState<string | null>(null);
    // "Mark paid" exists only in the payments sandbox (it pays through the sandbox gateway).
    const [sandbox, setSandbox] = useState(false);
    useEffect(() => {
      void api.get<{ sandbox: boolean }>('/payments/settings').then(
        (s) => setSandbox(s.sandbox),
        () => setSandbox(false),
      );
    }, [api]);
    const { formError, pending, run } = useSubmit();
    const markPaid = async (o: OrderView) => {
      const group = await run(() =>
        api.send<{ orders: OrderView[] }>('POST', `/payments/sandbox/order-groups/${o.groupId}/pay`),
      );
      if (group) {
        const paid = new Map(group.orders.map((x) => [x.id, x]));
        setOrders(orders.map((x) => ({ ...x, ...(paid.get(x.id) ?? {}) })));
        setMessage(t('ops.markedPaid', { number: o.number }));
      }
    };
    return (
      <>
        <PageTitle>{t('ops.orders')}</PageTitle>
        <ConsoleNav current="orders" />
        {message ? (
          <p role="status" className="ok">
            {message}
          </p>
        ) : null}
        <FormError message={formError} />
        {orders.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('orders.number')}</th>
                  <th scope="col">{t('orders.placed')}</th>
                  <th scope="col">{t('common.total')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <a href={href(`/orders/${o.id}`)}>{o.number}</a>
                    </td>
                    <td>{formatDate(o.createdAt, locale)}</td>
                    <td>
                      <Price satang={o.totalSatang} />
                    </td>
                    <td>
                      <StatusBadge status={o.status} />
                    </td>
                    <td>
                      {sandbox && o.status === 'pending_payment' ? (
                        <button type="button" disabled={pending} onClick={() => void markPaid(o)}>
                          {t('ops.markPaid')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>{t('ops.noOrders')}</Empty>
        )}
        <Pager page={data.page} perPage={data.perPage} total={data.total} />
      </>
    );
  },
};

export { payoutsPage } from './payouts.tsx';
export { platformVouchersPage } from './vouchers.tsx';
