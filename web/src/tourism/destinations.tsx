// The secondary-city list (/tours) with the version and source of the measure in force, and a
// destination's page (/tours/<province code>): the province, what to see, its community experiences.
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { Empty, PageTitle } from '../components/ui.tsx';
import type { Destination, DestinationList } from './shapes.ts';
import './messages.ts';
import './tourism.css';

const REGIONS = ['north', 'northeast', 'central', 'east', 'west', 'south'];

export const destinationsPage: PageModule<DestinationList> = {
  load: ({ api }) => api.get<DestinationList>('/tourism/destinations'),
  head: (d, { t }) => ({
    title: t('tour.destinations.title'),
    description: t('tour.destinations.description', { n: d.items.length }),
  }),
  Page({ data }) {
    const { t, href } = useApp();
    const open = data.items.filter((d) => d.experiences > 0);
    return (
      <div className="tour">
        <PageTitle>{t('tour.destinations.title')}</PageTitle>
        <p>{t('tour.destinations.description', { n: data.items.length })}</p>
        <p>
          <a href={href('/tours/bookings')}>{t('tour.myBookings')}</a>
        </p>
        <section aria-labelledby="tour-open">
          <h2 id="tour-open">{t('tour.destinations.withExperiences')}</h2>
          <ul className="tour-cards">
            {open.map((d) => (
              <li key={d.code}>
                <a className="tour-card" href={href(`/tours/${d.code}`)}>
                  <strong>{d.name}</strong>
                  <span className="muted">{t('tour.destinations.count', { n: d.experiences })}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="tour-all">
          <h2 id="tour-all">{t('tour.destinations.all')}</h2>
          {REGIONS.map((r) => {
            const inRegion = data.items.filter((d) => d.region === r);
            if (!inRegion.length) return null;
            return (
              <div key={r} className="tour-region">
                <h3>{t(`tour.region.${r}`)}</h3>
                <ul className="chips">
                  {inRegion.map((d) => (
                    <li key={d.code}>
                      <a className="chip" href={href(`/tours/${d.code}`)}>
                        {d.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
        <p className="muted tour-source">
          {t('tour.destinations.source', { version: data.version, from: data.effectiveFrom, source: data.source })}
        </p>
      </div>
    );
  },
};

export const destinationPage: PageModule<Destination> = {
  load: ({ api, params }) => api.get<Destination>(`/tourism/destinations/${encodeURIComponent(params.code)}`),
  head: (d, { t }) => ({
    title: t('tour.destination.title', { name: d.name }),
    description: d.highlights ?? t('tour.destination.province', { name: d.name }),
  }),
  Page({ data }) {
    const { t, href, locale } = useApp();
    return (
      <div className="tour">
        <nav aria-label={t('nav.breadcrumb')} className="crumbs">
          <a href={href('/tours')}>{t('tour.allDestinations')}</a>
        </nav>
        <PageTitle>{t('tour.destination.title', { name: data.name })}</PageTitle>
        <p className="muted">{t('tour.destination.province', { name: data.name })}</p>
        {data.highlights ? (
          <section aria-labelledby="tour-see">
            <h2 id="tour-see">{t('tour.destination.see')}</h2>
            <p>{data.highlights}</p>
          </section>
        ) : null}
        <section aria-labelledby="tour-exps">
          <h2 id="tour-exps">{t('tour.destination.experiences')}</h2>
          {data.experiences.length ? (
            <ul className="tour-cards">
              {data.experiences.map((e) => (
                <li key={e.id}>
                  <a className="tour-card" href={href(`/tours/experiences/${e.id}`)}>
                    <strong>{e.title}</strong>
                    <span className="price">{t('tour.from', { price: formatMoney(e.fromSatang, locale) })}</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('tour.destination.none')}</Empty>
          )}
        </section>
      </div>
    );
  },
};
