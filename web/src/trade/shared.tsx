// What the trade pages share: the API's answers, a day's date in the reader's calendar, the facts
// of a request, a quote and an order, the milestones, the papers and a message thread.
import { type FormEvent, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney, formatNumber } from '../app/i18n.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, SelectField, TextArea } from '../components/ui.tsx';
import type { Locale } from '../ssr-contract.ts';
import '../messages/trade.ts';
import '../messages/standards.ts';
import './trade.css';

export const INCOTERMS = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;
export const MODES = ['sea', 'inland_waterway', 'air', 'road', 'rail', 'multimodal'] as const;
export const UNITS = ['tonne', 'kg', 'carton', 'piece'] as const;
export const MARKS = ['gap', 'organic', 'thai_hom_mali', 'gi', 'halal', 'otop', 'fda'] as const;
export const COUNTRIES = ['CN', 'TH', 'VN', 'MY', 'SG', 'JP'] as const;

export interface Rfq {
  id: string;
  product: string;
  language: Locale;
  categoryId: string;
  quantity: number;
  unit: string;
  targetPriceMinor: number | null;
  currency: string;
  incoterm: string;
  transportMode: string;
  place: string;
  deliveryFrom: string;
  deliveryTo: string;
  certifications: string[];
  sampleWanted: boolean;
  deadline: string;
  status: 'open' | 'closed';
  quoteCount: number;
}
export interface Quote {
  id: string;
  rfqId: string;
  sellerId: string;
  unitPriceSatang: number;
  moq: number;
  tiers: { minQuantity: number; unitPriceSatang: number }[];
  leadTimeDays: number;
  validUntil: string;
  terms: string;
  language: Locale;
  attachments: { name: string; url: string }[];
  samplePriceSatang: number | null;
  depositPercent: number;
  edits: number;
  status: string;
}
export interface Milestone {
  id: string;
  kind: 'sample' | 'deposit' | 'balance';
  percent: number;
  amountSatang: number;
  groupId: string;
  orderNumber: string;
  status: string;
  bankReference: string | null;
  paidAt: string | null;
}
export interface TradeOrder {
  id: string;
  number: string;
  rfqId: string;
  quoteId: string;
  sellerId: string;
  kind: 'sample' | 'bulk';
  incoterm: string;
  transportMode: string;
  place: string;
  product: string;
  quantity: number;
  unit: string;
  unitPriceSatang: number;
  totalSatang: number;
  depositPercent: number;
  plan: { kind: string; amountSatang: number }[];
  status: string;
  shipment: {
    document: 'bl' | 'awb';
    number: string;
    carrier: string | null;
    packages: number | null;
    grossWeightKg: number | null;
    shippedAt: string | null;
  } | null;
  receivedAt: string | null;
  createdAt: string;
  milestones: Milestone[];
}
export interface Message {
  id: string;
  author: 'buyer' | 'seller';
  original: { language: Locale; body: string };
  translation: { language: Locale; body: string; translatedBy: string } | null;
  createdAt: string;
}
export interface Claim {
  id: string;
  tradeOrderId: string;
  orderNumber: string;
  reason: 'late_shipment' | 'quality';
  description: string;
  amountSatang: number;
  evidence: { name: string; url: string }[];
  status: 'open' | 'answered' | 'escalated' | 'decided';
  answerDueAt: string;
  escalableAt: string;
  autoEscalateAt: string;
  sellerAnswer: string | null;
  sellerRefundOfferSatang: number | null;
  escalatedBy: 'buyer' | 'platform' | null;
  decision: 'refund' | 'release' | null;
  refundSatang: number | null;
  decisionNote: string | null;
  refundChannel: 'gateway' | 'bank_transfer' | null;
  createdAt: string;
}

const DAY_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }),
  zh: new Intl.DateTimeFormat('zh-Hans-CN', { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Asia/Bangkok' }),
};
/** A day ("2027-02-01" or a timestamp) as the reader's calendar writes it: Thai in the Buddhist era. */
export const formatDay = (day: string, locale: Locale) =>
  DAY_FORMATS[locale].format(new Date(day.length === 10 ? `${day}T12:00:00+07:00` : day));

/** Minor units in the request's own currency (THB, CNY or USD). */
export function money(minor: number, currency: string, locale: Locale): string {
  if (currency === 'THB' || currency === 'CNY') return formatMoney(minor, locale, currency);
  return new Intl.NumberFormat(locale === 'th' ? 'th-TH' : locale === 'zh' ? 'zh-Hans-CN' : 'en-GB', {
    style: 'currency',
    currency,
  }).format(minor / 100);
}

export function useUnit() {
  const { t } = useApp();
  return (unit: string) => {
    const label = t(`trade.unit.${unit}`);
    return label.startsWith('trade.unit.') ? unit : label;
  };
}

export function RfqFacts({ rfq }: { rfq: Rfq }) {
  const { t, locale } = useApp();
  const unit = useUnit();
  return (
    <dl className="trade-facts">
      <dt>{t('trade.quantity')}</dt>
      <dd>
        {formatNumber(rfq.quantity, locale)} {unit(rfq.unit)}
        {rfq.targetPriceMinor !== null
          ? ` · ${t('trade.targetPrice')} ${money(rfq.targetPriceMinor, rfq.currency, locale)}`
          : ''}
      </dd>
      <dt>{t('trade.incoterm')}</dt>
      <dd>
        {rfq.incoterm} {rfq.place} · {t(`trade.mode.${rfq.transportMode}`)}
      </dd>
      <dt>{t('trade.deliveryFrom')}</dt>
      <dd>
        {t('trade.deliveryWindow', {
          from: formatDay(rfq.deliveryFrom, locale),
          to: formatDay(rfq.deliveryTo, locale),
        })}
      </dd>
      {rfq.certifications.length ? (
        <>
          <dt>{t('trade.certifications')}</dt>
          <dd>{rfq.certifications.map((c) => t(`standards.kind.${c}`)).join(', ')}</dd>
        </>
      ) : null}
      <dt>{t('trade.deadline')}</dt>
      <dd>
        {formatDay(rfq.deadline, locale)} ·{' '}
        <span className={`status status-${rfq.status === 'open' ? 'paid' : 'cancelled'}`}>
          {t(`trade.rfqStatus.${rfq.status}`)}
        </span>
        {rfq.sampleWanted ? ` · ${t('trade.sampleWanted')}` : ''}
      </dd>
    </dl>
  );
}

/** A quote's terms as a buyer reads them (the text as the shop wrote it, with its language). */
export function QuoteFacts({ q, unit: unitCode }: { q: Quote; unit: string }) {
  const { t, locale } = useApp();
  const unit = useUnit();
  const baht = (s: number) => formatMoney(s, locale);
  return (
    <dl className="trade-facts">
      <dt>{t('trade.unitPrice')}</dt>
      <dd className="trade-price">{baht(q.unitPriceSatang)}</dd>
      <dt>{t('trade.moq')}</dt>
      <dd>
        {formatNumber(q.moq, locale)} {unit(unitCode)}
      </dd>
      {q.tiers.length ? (
        <>
          <dt>{t('trade.tiers')}</dt>
          <dd>
            <ul className="plain">
              {q.tiers.map((tier) => (
                <li key={tier.minQuantity}>
                  {t('trade.tierFrom', {
                    n: formatNumber(tier.minQuantity, locale),
                    unit: unit(unitCode),
                    price: baht(tier.unitPriceSatang),
                  })}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt>{t('trade.leadTime')}</dt>
      <dd>{t('trade.days', { n: q.leadTimeDays })}</dd>
      <dt>{t('trade.validUntil')}</dt>
      <dd>{formatDay(q.validUntil, locale)}</dd>
      <dt>{t('trade.samplePrice')}</dt>
      <dd>{q.samplePriceSatang !== null ? baht(q.samplePriceSatang) : t('trade.noSample')}</dd>
      <dt>{t('trade.deposit')}</dt>
      <dd>{t('trade.depositShare', { n: q.depositPercent })}</dd>
      {q.terms ? (
        <>
          <dt>{t('trade.terms')}</dt>
          <dd>
            <span lang={q.language}>{q.terms}</span>
            <br />
            <span className="muted">{t('trade.writtenIn', { lang: t(`trade.lang.${q.language}`) })}</span>
          </dd>
        </>
      ) : null}
      {q.attachments.length ? (
        <>
          <dt>{t('trade.attachments')}</dt>
          <dd>
            {q.attachments.map((a) => (
              <a key={a.url} href={a.url} rel="noopener noreferrer">
                {a.name}
              </a>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function OrderFacts({ o }: { o: TradeOrder }) {
  const { t, locale } = useApp();
  const unit = useUnit();
  return (
    <dl className="trade-facts">
      <dt>{t('trade.product')}</dt>
      <dd>
        {o.product} · {formatNumber(o.quantity, locale)} {unit(o.unit)}
      </dd>
      <dt>{t('trade.incoterm')}</dt>
      <dd>
        {o.incoterm} {o.place} · {t(`trade.mode.${o.transportMode}`)}
      </dd>
      <dt>{t('trade.unitPrice')}</dt>
      <dd>{formatMoney(o.unitPriceSatang, locale)}</dd>
      <dt>{t('trade.total')}</dt>
      <dd className="trade-price">{formatMoney(o.totalSatang, locale)}</dd>
      {o.shipment ? (
        <>
          <dt>{t('trade.shipment')}</dt>
          <dd>
            {t(`trade.doc.${o.shipment.document}`)} {o.shipment.number}
            {o.shipment.carrier ? ` · ${o.shipment.carrier}` : ''}
            {o.shipment.shippedAt ? ` · ${formatDay(o.shipment.shippedAt, locale)}` : ''}
          </dd>
        </>
      ) : null}
      {o.receivedAt ? (
        <>
          <dt>{t('trade.orderStatus.received')}</dt>
          <dd>{t('trade.receivedOn', { date: formatDay(o.receivedAt, locale) })}</dd>
        </>
      ) : null}
    </dl>
  );
}

export const OrderStatus = ({ status }: { status: string }) => {
  const { t } = useApp();
  const tone =
    status === 'cancelled'
      ? 'cancelled'
      : ['received', 'shipped', 'ready_to_ship'].includes(status)
        ? 'paid'
        : 'pending_payment';
  return <span className={`status status-${tone}`}>{t(`trade.orderStatus.${status}`)}</span>;
};

export function milestoneLabel(
  t: (k: string, p?: Record<string, string | number>) => string,
  m: { kind: string; percent: number },
) {
  return t(`trade.milestone.${m.kind}`, { n: m.percent });
}

/** The papers of an order: the pro-forma invoice at once, the export papers after the shipment. */
export function Papers({ o, base }: { o: TradeOrder; base: string }) {
  const { t, locale } = useApp();
  const docs = o.shipment ? ['proforma-invoice', 'commercial-invoice', 'packing-list'] : ['proforma-invoice'];
  return (
    <section className="trade-card">
      <h2>{t('trade.papers')}</h2>
      <ul className="plain trade-list">
        {docs.map((d) => (
          <li key={d}>
            <a href={`/api${base}/documents/${d}?lang=${locale}`} download={`${d}-${o.number}.pdf`}>
              {t(`trade.doc.${d}`)}
            </a>
          </li>
        ))}
      </ul>
      {o.shipment ? null : <p className="muted">{t('trade.docsAfterShipment')}</p>}
    </section>
  );
}

/** A thread on a request: each message as written, with its language, and the sender's translation beside it. */
export function Thread({ items, me, path }: { items: Message[]; me: 'buyer' | 'seller'; path: string }) {
  const { t, api, locale, reload } = useApp();
  const { errors, formError, pending, run } = useSubmit();
  const [translate, setTranslate] = useState(false);
  const lang = (l: string) => t(`trade.lang.${l}`);
  const send = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = formValues(form);
    const body = {
      body: f.body ?? '',
      language: locale,
      translation: translate && f.translation ? { language: f.translationLanguage ?? 'en', body: f.translation } : null,
    };
    if (await run(() => api.send('POST', path, body))) {
      form.reset();
      setTranslate(false);
      await reload();
    }
  };
  return (
    <section className="trade-card">
      <h2>{t('trade.messages')}</h2>
      {items.length ? (
        <ol className="plain trade-thread">
          {items.map((m) => (
            <li key={m.id} className={m.author === me ? 'mine' : 'theirs'}>
              <p className="muted">
                {m.author === me ? t('trade.you') : m.author === 'buyer' ? t('trade.buyer') : t('trade.shop')} ·{' '}
                {formatDay(m.createdAt, locale)}
              </p>
              <p lang={m.original.language}>{m.original.body}</p>
              <p className="muted">{t('trade.original', { lang: lang(m.original.language) })}</p>
              {m.translation ? (
                <div className="trade-translation">
                  <p lang={m.translation.language}>{m.translation.body}</p>
                  <p className="muted">{t('trade.translation', { lang: lang(m.translation.language) })}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <Empty>{t('trade.noMessages')}</Empty>
      )}
      <form onSubmit={send} noValidate className="trade-form">
        <TextArea label={t('trade.message')} name="body" rows={3} error={errors.body} />
        <label className="trade-check">
          <input type="checkbox" checked={translate} onChange={(e) => setTranslate(e.currentTarget.checked)} />{' '}
          {t('trade.addTranslation')}
        </label>
        {translate ? (
          <>
            <SelectField
              label={t('trade.translationLanguage')}
              name="translationLanguage"
              defaultValue={locale === 'th' ? 'zh' : 'th'}
              options={(['th', 'zh', 'en'] as const)
                .filter((l) => l !== locale)
                .map((l) => ({ value: l, label: lang(l) }))}
            />
            <TextArea
              label={t('trade.addTranslation')}
              name="translation"
              rows={3}
              error={errors['translation.body']}
            />
          </>
        ) : null}
        <p className="muted">{t('trade.noTranslationService')}</p>
        <FormError message={formError} />
        <button type="submit" className="primary" disabled={pending}>
          {t('trade.send')}
        </button>
      </form>
    </section>
  );
}
