// The public page a pack's QR code opens (/trace/<code>, /zh/trace/..., /en/trace/...): where the
// lot grew on a map of provinces, who grew and packed it, the marks Talad verified, its dates and
// the route to the buyer. It shows no buyer data, because it holds none.
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { PageTitle } from '../components/ui.tsx';
import { formatDay, type MarkBadge, MarkBadges } from './MarkBadges.tsx';
import '../messages/standards.ts';

interface TraceData {
  lotNumber: string;
  status: 'active' | 'recalled';
  recallReason: string | null;
  product: { id: string; title: string; titleLang: string };
  shop: { name: string; slug: string; province: string; isFlagship: boolean };
  producer: { name: string; plot: string | null; area: string; province: string };
  harvestedOn: string;
  processedOn: string | null;
  marks: MarkBadge[];
  route: { code: string; title: string; date: string | null; place: string | null; note: string | null }[];
  map: { url: string; provinces: { code: string; role: 'farm' | 'processing' | 'hub'; name: string }[] };
}

const COLOURS = { farm: '#2f7d32', processing: '#c58b00', hub: '#1565c0' };

export const tracePage: PageModule<TraceData> = {
  load: ({ api, params }) => api.get<TraceData>(`/trace/${encodeURIComponent(params.code)}`),
  head: (d, { t }) => ({
    title: t('trace.title', { lot: d.lotNumber }),
    description: `${d.product.title} — ${d.shop.name}, ${d.producer.province}`,
  }),
  Page({ data: d }) {
    const { t, href, locale } = useApp();
    const day = (s: string | null) => (s ? formatDay(s, locale) : '');
    return (
      <article className="trace">
        <PageTitle>{t('trace.title', { lot: d.lotNumber })}</PageTitle>
        {d.status === 'recalled' ? (
          <p className="recall" role="alert">
            {t('trace.recalled', { reason: d.recallReason ?? '' })}
          </p>
        ) : null}
        <dl className="trace-facts">
          <dt>{t('trace.product')}</dt>
          <dd>
            <a
              href={href(`/p/${d.product.id}`)}
              lang={d.product.titleLang !== locale ? d.product.titleLang : undefined}
            >
              {d.product.title}
            </a>
          </dd>
          <dt>{t('trace.cooperative')}</dt>
          <dd>
            <a href={href(`/shop/${d.shop.slug}`)}>{d.shop.name}</a>
            {d.shop.isFlagship ? <span className="flagship-tag">{t('flagship.badge')}</span> : null}
          </dd>
          <dt>{t('trace.grower')}</dt>
          <dd lang="th">{d.producer.name}</dd>
          <dt>{t('trace.origin')}</dt>
          <dd>
            <span lang="th">{d.producer.area}</span> ({d.producer.province})
          </dd>
          <dt>{t('trace.harvested')}</dt>
          <dd>
            <time dateTime={d.harvestedOn}>{day(d.harvestedOn)}</time>
          </dd>
          {d.processedOn ? (
            <>
              <dt>{t('trace.processed')}</dt>
              <dd>
                <time dateTime={d.processedOn}>{day(d.processedOn)}</time>
              </dd>
            </>
          ) : null}
        </dl>
        <h2>{t('marks.title')}</h2>
        {d.marks.length ? <MarkBadges marks={d.marks} /> : <p className="muted">{t('trace.noMarks')}</p>}
        <h2>{t('trace.map')}</h2>
        <div className="trace-map">
          <img
            src={d.map.url}
            width={140}
            height={257}
            alt={d.map.provinces.map((p) => `${t(`trace.legend.${p.role}`)}: ${p.name}`).join(', ')}
          />
          <ul className="legend">
            {d.map.provinces.map((p) => (
              <li key={p.code}>
                <span style={{ background: COLOURS[p.role] }} aria-hidden="true" />
                {t(`trace.legend.${p.role}`)}: {p.name}
              </li>
            ))}
          </ul>
        </div>
        <h2>{t('trace.route')}</h2>
        <ol className="route">
          {d.route.map((s) => (
            <li key={`${s.code}-${s.place}`} data-step={s.code}>
              <strong>{s.title}</strong>
              {s.place ? <div>{s.place}</div> : null}
              {s.date ? (
                <div className="when">
                  <time dateTime={s.date}>{day(s.date)}</time>
                </div>
              ) : null}
              {s.note ? (
                <div className="muted" lang="th">
                  {s.note}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        <p className="muted">{t('trace.privacy')}</p>
      </article>
    );
  },
};
