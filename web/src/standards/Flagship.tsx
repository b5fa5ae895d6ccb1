// A flagship store's storefront on its shop page: banner, story, the marks Talad verified on the
// products it lists, and featured lots that buyers can trace to the farm.
import { useApp } from '../app/context.tsx';
import { formatDay, type MarkBadge, MarkBadges } from './MarkBadges.tsx';
import '../messages/marks.ts';

export interface FlagshipStorefront {
  brandName: string;
  story: string;
  storyLang: string;
  bannerUrl: string | null;
  badges: MarkBadge[];
  featuredLots: { lotNumber: string; traceCode: string; producerName: string; area: string; harvestedOn: string }[];
}

export function FlagshipHeader({ storefront: f }: { storefront: FlagshipStorefront }) {
  const { t, href, locale } = useApp();
  return (
    <section className="flagship" aria-label={t('flagship.badge')}>
      {f.bannerUrl ? (
        <img src={f.bannerUrl} alt={f.brandName} className="flagship-banner" width={1200} height={400} />
      ) : null}
      <MarkBadges marks={f.badges} />
      <h2>{t('flagship.story')}</h2>
      <p lang={f.storyLang !== locale ? f.storyLang : undefined}>{f.story}</p>
      {f.featuredLots.length ? (
        <>
          <h2>{t('flagship.lots')}</h2>
          <ul className="featured-lots">
            {f.featuredLots.map((l) => (
              <li key={l.traceCode}>
                <span>
                  {t('flagship.lot', { lot: l.lotNumber, area: l.area, date: formatDay(l.harvestedOn, locale) })}
                </span>{' '}
                <a href={href(`/trace/${l.traceCode}`)}>{t('flagship.trace')}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
