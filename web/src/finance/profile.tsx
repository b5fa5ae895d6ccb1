// The shop's credit profile, seen first: every figure with its points, the score explained, and
// what would improve it.
import { useApp } from '../app/context.tsx';
import { formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { Empty, PageTitle } from '../components/ui.tsx';
import { type Explanation, FinanceNav, ExplanationView } from './shared.tsx';
import '../messages/finance.ts';
import './finance.css';

interface ProfileData {
  monthly: { month: string; grossSatang: number; orders: number }[];
  features: {
    code: string;
    label: string;
    value: number | null;
    points: number | null;
    maxPoints: number | null;
    scored: boolean;
  }[];
  explanation: Explanation;
  improvements: { code: string; pointsLost: number; text: string }[];
  ledger: { payableSatang: number; paidOutSatang: number; payouts: number } | null;
}

export const profilePage: PageModule<ProfileData> = {
  access: 'user',
  load: ({ api, params }) => api.get<ProfileData>(`/sellers/${params.sellerId}/finance/profile`),
  head: (_d, { t }) => ({ title: t('finance.profile'), noindex: true }),
  Page({ data, params }) {
    const { t, locale } = useApp();
    const top = Math.max(1, ...data.monthly.map((m) => m.grossSatang));
    return (
      <>
        <FinanceNav sellerId={params.sellerId} current="" />
        <PageTitle>{t('finance.profile')}</PageTitle>
        <p className="muted">{t('finance.profileIntro')}</p>
        <ExplanationView e={{ ...data.explanation, reasons: [] }} />
        <table className="finance-table">
          <tbody>
            {data.features.map((f) => (
              <tr key={f.code}>
                <th scope="row">{f.label}</th>
                <td>
                  {f.value === null ? t('finance.noData') : f.value.toLocaleString(locale === 'th' ? 'th-TH' : locale)}
                </td>
                <td className="muted">
                  {f.scored
                    ? t('finance.points', { points: f.points ?? 0, max: f.maxPoints ?? 0 })
                    : t('finance.notScored')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="finance-bars plain" aria-label={t('finance.monthly')}>
          {data.monthly.map((m) => (
            <li key={m.month}>
              <span>{m.month}</span>
              <span className="finance-bar" style={{ width: `${Math.round((m.grossSatang / top) * 100)}%` }} />
              <span>{formatMoney(m.grossSatang, locale)}</span>
            </li>
          ))}
        </ul>
        <h2>{t('finance.improve')}</h2>
        {data.improvements.length ? (
          <ol>
            {data.improvements.map((i) => (
              <li key={i.code}>
                {i.text} <span className="muted">({t('finance.lost', { n: i.pointsLost })})</span>
              </li>
            ))}
          </ol>
        ) : (
          <Empty>—</Empty>
        )}
      </>
    );
  },
};
