// The hubs a person works at, and each hub's overview: orders at risk of missing their ship-by
// time, open outbound work and lots about to expire.
import { useApp } from '../app/context.tsx';
import { formatDate, provinceName } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { Empty, PageTitle } from '../components/ui.tsx';
import { formatDay, HubNav, RiskBadge, type HubInfo, type Outbound } from './shared.tsx';

export const hubHomePage: PageModule<{ items: HubInfo[] }> = {
  access: 'user',
  load: ({ api }) => api.get('/hub/me'),
  head: (_d, { t }) => ({ title: t('hub.title'), noindex: true }),
  Page({ data }) {
    const { t, href, locale } = useApp();
    return (
      <>
        <PageTitle>{t('hub.title')}</PageTitle>
        {data.items.length ? (
          <ul className="cards">
            {data.items.map((h) => (
              <li key={h.id}>
                <a href={href(`/hub/${h.id}`)}>
                  <strong>{h.code}</strong> · {h.name}
                </a>
                <p className="muted">
                  {provinceName(h.provinceCode, locale)} · {t('hub.role', { role: t(`hub.role.${h.role}`) })}
                  {h.bonded ? ` · ${t('hub.bonded')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('hub.none')}</Empty>
        )}
      </>
    );
  },
};

interface Alert {
  lotId: string;
  lotNumber: string;
  expiryDate: string;
  daysLeft: number;
  quantity: number;
  blocked: boolean;
}
interface OverviewData {
  atRisk: Outbound[];
  open: Outbound[];
  alerts: Alert[];
}

export const hubOverviewPage: PageModule<OverviewData> = {
  access: 'user',
  load: async ({ api, params }) => {
    const base = `/hubs/${params.locationId}`;
    const [atRisk, open, alerts] = await Promise.all([
      api.get<{ items: Outbound[] }>(`${base}/outbound?atRisk=true`),
      api.get<{ items: Outbound[] }>(`${base}/outbound`),
      api.get<{ items: Alert[] }>(`${base}/expiry-alerts?days=7`),
    ]);
    return { atRisk: atRisk.items, open: open.items, alerts: alerts.items };
  },
  head: (_d, { t }) => ({ title: t('hub.overview'), noindex: true }),
  Page({ data, params }) {
    const { t, locale } = useApp();
    return (
      <>
        <HubNav locationId={params.locationId} current="" />
        <PageTitle>{t('hub.overview')}</PageTitle>
        <h2>{t('hub.atRisk')}</h2>
        {data.atRisk.length ? <OutboundTable rows={data.atRisk} /> : <Empty>{t('hub.noneAtRisk')}</Empty>}
        <h2>{t('hub.alerts')}</h2>
        {data.alerts.length ? (
          <ul className="cards">
            {data.alerts.map((a) => (
              <li key={a.lotId}>
                <strong>
                  {t('hub.lot')} {a.lotNumber}
                </strong>{' '}
                · {a.quantity} · {t('hub.expiry')} {formatDay(a.expiryDate, locale)} ·{' '}
                {a.blocked ? t('hub.blocked') : t('hub.daysLeft', { n: a.daysLeft })}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('hub.noAlerts')}</Empty>
        )}
        <h2>{t('hub.open')}</h2>
        <OutboundTable rows={data.open} />
      </>
    );
  },
};

export function OutboundTable({ rows }: { rows: Outbound[] }) {
  const { t, locale } = useApp();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('hub.order')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('hub.shipBy')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id}>
              <td>
                {o.orderNumber}
                <br />
                <span className="muted">{o.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</span>
              </td>
              <td>{t(`hub.status.${o.status}`)}</td>
              <td>
                {formatDate(o.shipBy, locale)} <RiskBadge risk={o.risk} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
