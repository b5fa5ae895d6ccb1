// The insights chunk: the programme dashboard for operators, government analysts and province
// officers — filters by period, province, market and kind of shop; shops onboarded and selling;
// sales with the cross-border share and CBEC tax; a chart by month and a map of the provinces
// (SVG drawn by the server); top categories; the hub; flash sales, people trained, bookings and loans
// (programmes.tsx); and the open datasets to download.
import { PROVINCES } from '../../../src/platform/provinces.ts';
import { useApp } from '../app/context.tsx';
import { formatNumber } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { FormEvent } from 'react';
import { formValues } from '../app/use-submit.ts';
import { PageTitle, Price, SelectField, TextField } from '../components/ui.tsx';
import type { Locale } from '../ssr-contract.ts';
import { type Cell, CellTable, Figure } from './cells.tsx';
import { type Programmes, ProgrammeSections } from './programmes.tsx';
import '../messages/insights.ts';
import './insights.css';

interface Row {
  key: string;
  label: string;
  orders: Cell;
  grossSatang: Cell;
}
interface Dashboard extends Programmes {
  scope: { province: string | null; role: string };
  filters: { from: string; to: string; province: string | null; market: string | null; sellerType: string | null };
  simulated: boolean;
  minCell: number;
  sellers: Record<'applied' | 'approved' | 'active' | 'firstSale', Cell>;
  sales: Record<'orders' | 'grossSatang' | 'cbecTaxFen' | 'crossBorderSharePercent' | 'shipHoursAverage', Cell>;
  byMonth: Row[];
  byProvince: Row[];
  bySellerType: Row[];
  topCategories: { slug: string; name: string; units: number; grossSatang: number }[];
  hub: { dispatched: Cell; hoursToDispatch: Cell };
}
interface Data {
  d: Dashboard;
  query: string;
}

const SELLER_TYPES = ['individual', 'company', 'community_enterprise', 'cooperative', 'otop_producer'];
const FILTERS = ['from', 'to', 'province', 'market', 'sellerType'] as const;
const OPEN_DATASETS = [
  'sales-by-province-month',
  'shops-by-province-month',
  'learning-by-province-month',
  'bookings-by-city-month',
  'loans-by-province-month',
];

const monthLabel = (m: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : locale === 'zh' ? 'zh-Hans-CN' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${m}-01T00:00:00Z`));

function Breakdown({ title, rows }: { title: string; rows: Row[] }) {
  const { t, locale } = useApp();
  return (
    <CellTable
      level="h2"
      title={title}
      head={title}
      rows={rows}
      label={(r) => r.label}
      columns={[
        { label: t('insights.orders'), cell: (r) => r.orders, render: (v) => formatNumber(v, locale) },
        { label: t('insights.gross'), cell: (r) => r.grossSatang, render: (v) => <Price satang={v} /> },
      ]}
    />
  );
}

export const insightsPage: PageModule<Data> = {
  access: 'user',
  async load({ api, query }) {
    const q = new URLSearchParams();
    for (const k of FILTERS) {
      const v = query.get(k);
      if (v) q.set(k, v);
    }
    const d = await api.get<Dashboard>(`/insights/dashboard?${q}`);
    return { d, query: q.toString() };
  },
  head: (_d, { t }) => ({ title: t('insights.title'), noindex: true }),
  Page({ data }) {
    const { t, locale, navigate } = useApp();
    const { d } = data;
    const svgQuery = `${data.query}${data.query ? '&' : ''}lang=${locale}`;
    const apply = (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const v = formValues(e.currentTarget);
      const q = new URLSearchParams();
      for (const k of FILTERS) if (v[k]) q.set(k, v[k]);
      void navigate(`/insights?${q}`);
    };
    const n = (x: number) => formatNumber(x, locale);
    const provinces = d.scope.province ? PROVINCES.filter((p) => p.code === d.scope.province) : PROVINCES;
    return (
      <div className="insights">
        <PageTitle>{t('insights.title')}</PageTitle>
        <p className="insight-scope">
          {d.scope.province
            ? t('insights.scope.province', {
                province: PROVINCES.find((p) => p.code === d.scope.province)?.[locale] ?? '',
              })
            : t('insights.scope.national')}
        </p>
        {d.simulated ? <p className="notice">{t('insights.simulated')}</p> : null}
        <p className="hint">{t('insights.privacy', { min: d.minCell })}</p>

        <form className="insight-filters" onSubmit={apply} noValidate aria-label={t('insights.filters')}>
          <TextField label={t('insights.from')} name="from" type="month" defaultValue={d.filters.from} />
          <TextField label={t('insights.to')} name="to" type="month" defaultValue={d.filters.to} />
          <SelectField
            label={t('insights.province')}
            name="province"
            defaultValue={d.filters.province ?? ''}
            placeholder={d.scope.province ? undefined : t('insights.all')}
            options={provinces.map((p) => ({ value: p.code, label: p[locale] }))}
          />
          <SelectField
            label={t('insights.market')}
            name="market"
            defaultValue={d.filters.market ?? ''}
            placeholder={t('insights.all')}
            options={['TH', 'CN'].map((m) => ({ value: m, label: t(`insights.market.${m}`) }))}
          />
          <SelectField
            label={t('insights.sellerType')}
            name="sellerType"
            defaultValue={d.filters.sellerType ?? ''}
            placeholder={t('insights.all')}
            options={SELLER_TYPES.map((s) => ({ value: s, label: t(`insights.sellerType.${s}`) }))}
          />
          <button type="submit" className="primary">
            {t('insights.apply')}
          </button>
        </form>

        <section>
          <h2>{t('insights.sellers')}</h2>
          <dl className="insight-figures">
            {(['applied', 'approved', 'active', 'firstSale'] as const).map((k) => (
              <Figure key={k} label={t(`insights.${k}`)} cell={d.sellers[k]} render={n} />
            ))}
          </dl>
        </section>
        <section>
          <h2>{t('insights.sales')}</h2>
          <dl className="insight-figures">
            <Figure label={t('insights.orders')} cell={d.sales.orders} render={n} />
            <Figure label={t('insights.gross')} cell={d.sales.grossSatang} render={(v) => <Price satang={v} />} />
            <Figure
              label={t('insights.crossBorderShare')}
              cell={d.sales.crossBorderSharePercent}
              render={(v) => `${n(v)}%`}
            />
            <Figure label={t('insights.cbecTax')} cell={d.sales.cbecTaxFen} render={(v) => `¥${n(v / 100)}`} />
            <Figure label={t('insights.shipHours')} cell={d.sales.shipHoursAverage} render={n} />
          </dl>
        </section>
        <section className="insight-charts">
          <figure>
            <figcaption>{t('insights.byMonth')}</figcaption>
            <img
              src={`/api/insights/charts/sales-by-month.svg?${svgQuery}`}
              alt={d.byMonth
                .map(
                  (m) =>
                    `${monthLabel(m.key, locale)}: ${'value' in m.grossSatang ? n(m.grossSatang.value / 100) : t('insights.suppressed')}`,
                )
                .join('; ')}
              width={480}
              height={260}
            />
          </figure>
          <figure>
            <figcaption>{t('insights.map')}</figcaption>
            <img
              className="insight-map"
              src={`/api/insights/map.svg?${svgQuery}`}
              alt={t('insights.map')}
              width={300}
              height={560}
            />
          </figure>
        </section>
        <Breakdown title={t('insights.byProvince')} rows={d.byProvince} />
        <Breakdown
          title={t('insights.bySellerType')}
          rows={d.bySellerType.map((r) => ({ ...r, label: t(`insights.sellerType.${r.key}`) }))}
        />
        {d.topCategories.length ? (
          <section>
            <h2>{t('insights.topCategories')}</h2>
            <ol>
              {d.topCategories.map((c) => (
                <li key={c.slug}>
                  {c.name} — {n(c.units)} {t('insights.units')}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <section>
          <h2>{t('insights.hub')}</h2>
          <dl className="insight-figures">
            <Figure label={t('insights.dispatched')} cell={d.hub.dispatched} render={n} />
            <Figure label={t('insights.hoursToDispatch')} cell={d.hub.hoursToDispatch} render={n} />
          </dl>
        </section>
        <ProgrammeSections d={d} />
        <section>
          <h2>{t('insights.openData')}</h2>
          <ul className="plain">
            {OPEN_DATASETS.map((id) => (
              <li key={id}>
                {t(`insights.dataset.${id}`)}:{' '}
                <a href={`/api/open-data/datasets/${id}.csv`} download>
                  {t('insights.download', { format: 'CSV' })}
                </a>{' '}
                · <a href={`/api/open-data/datasets/${id}.json`}>{t('insights.download', { format: 'JSON' })}</a>
              </li>
            ))}
            <li>
              <a href="/api/open-data/catalog.jsonld">{t('insights.catalogue')}</a>
            </li>
          </ul>
        </section>
      </div>
    );
  },
};
