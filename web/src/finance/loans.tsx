// The shop's loans: status, notices, schedule and statement.
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { Empty, PageTitle } from '../components/ui.tsx';
import { FinanceNav } from './shared.tsx';
import '../messages/finance.ts';
import './finance.css';

interface Loan {
  id: string;
  lenderName: string;
  principal: number;
  outstanding: number;
  status: string;
  statusLabel: string;
  repayment: string;
  revenueShareBp: number | null;
  finalDueOn: string;
  schedule: { n: number; dueOn: string; amount: number; lateFee: number; paid: number }[];
  statement: { at: string; kind: string; label: string; amount: number; outstandingAfter: number }[];
  /** What the shop is told (a late repayment), newest first. */
  notices: { at: string; kind: string; text: string }[];
}

export function LoanView({ loan }: { loan: Loan }) {
  const { t, locale } = useApp();
  const day = (d: string) => formatDate(`${d}T00:00:00+07:00`, locale);
  return (
    <section className="finance-card">
      <h2>
        {loan.lenderName} — {formatMoney(loan.principal, locale)}
      </h2>
      <p>
        <span className={loan.status === 'late' ? 'status-rejected' : 'status-verified'}>{loan.statusLabel}</span> ·{' '}
        {t('finance.outstanding')} <strong>{formatMoney(loan.outstanding, locale)}</strong> ·{' '}
        {t('finance.finalDue', { date: day(loan.finalDueOn) })}
      </p>
      {loan.notices.map((n) => (
        <p key={`${n.at}-${n.text}`} className="finance-notice" role="status">
          {formatDate(n.at, locale)} — {n.text}
        </p>
      ))}
      {loan.schedule.length ? (
        <>
          <h3>{t('finance.schedule')}</h3>
          <table className="finance-table">
            <thead>
              <tr>
                <th>{t('finance.due')}</th>
                <th>{t('finance.offerAmount')}</th>
                <th>{t('finance.paid')}</th>
              </tr>
            </thead>
            <tbody>
              {loan.schedule.map((i) => (
                <tr key={i.n}>
                  <td>{day(i.dueOn)}</td>
                  <td>{formatMoney(i.amount + i.lateFee, locale)}</td>
                  <td>{formatMoney(i.paid, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{t('finance.repay.revenue_share', { share: (loan.revenueShareBp ?? 0) / 100 })}</p>
      )}
      <h3>{t('finance.statement')}</h3>
      <ul className="plain finance-list">
        {loan.statement.map((m) => (
          <li key={`${m.at}-${m.kind}-${m.amount}`}>
            {formatDate(m.at, locale)} — {m.label}: <strong>{formatMoney(m.amount, locale)}</strong>{' '}
            <span className="muted">
              ({t('finance.outstanding')} {formatMoney(m.outstandingAfter, locale)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const loansPage: PageModule<{ items: Loan[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get<{ items: Loan[] }>(`/sellers/${params.sellerId}/finance/loans`),
  head: (_d, { t }) => ({ title: t('finance.loans'), noindex: true }),
  Page({ data, params }) {
    const { t } = useApp();
    return (
      <>
        <FinanceNav sellerId={params.sellerId} current="/loans" />
        <PageTitle>{t('finance.loans')}</PageTitle>
        {data.items.length ? (
          data.items.map((l) => <LoanView key={l.id} loan={l} />)
        ) : (
          <Empty>{t('finance.noLoans')}</Empty>
        )}
      </>
    );
  },
};
