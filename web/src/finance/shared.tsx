// What the finance pages share: the types of the API's answers, the finance tabs, a decision's
// explanation and an offer's terms.
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney } from '../app/i18n.ts';
import { ShopNav } from '../seller/shared.tsx';
import '../messages/finance.ts';
import './finance.css';

export interface Explanation {
  score: number;
  range: { min: number; max: number };
  scorecardVersion: string;
  effectiveOn: string;
  reasons: { code: string; pointsLost: number; text: string; improve: string }[];
  policyReasons: { code: string; text: string }[];
}
export interface Product {
  productId: string;
  name: string;
  minAmount: number;
  maxAmount: number;
  minTenorMonths: number;
  maxTenorMonths: number;
  rateBp: number;
  feeBp: number;
  repayment: 'revenue_share' | 'instalments';
  revenueShareBp: number | null;
  guaranteeLabel: string | null;
}
export interface Lender {
  id: string;
  name: string;
  sandbox: boolean;
  retentionDays: number;
  consentWording: Record<string, string>;
  products: Product[];
}
export interface Consent {
  id: string;
  lenderId: string;
  lenderName: string;
  purpose: string;
  dataItemLabels: string[];
  wording: string;
  grantedAt: string;
  withdrawnAt: string | null;
  live: boolean;
}
export interface Offer {
  amount: number;
  tenorMonths: number;
  rateBp: number;
  interest: number;
  fee: number;
  guaranteeFee: number;
  disbursed: number;
  totalRepayable: number;
  repayment: string;
  revenueShareBp: number | null;
  monthlyInstalment: number | null;
}
export interface Decision {
  id: string;
  lenderName: string;
  sandbox: boolean;
  outcome: 'offer' | 'decline' | 'refer';
  status: string;
  offer: Offer | null;
  explanation: Explanation;
  decisionMs: number;
  createdAt: string;
}

export function FinanceNav({ sellerId, current }: { sellerId: string; current: string }) {
  const { t, href } = useApp();
  const link = (to: string, label: string) => (
    <a href={href(`/seller/${sellerId}/finance${to}`)} aria-current={current === to ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <ShopNav sellerId={sellerId} current="finance" />
      <nav className="console-nav finance-nav" aria-label={t('finance.nav')}>
        {link('', t('finance.profile'))}
        {link('/consents', t('finance.consents'))}
        {link('/apply', t('finance.apply'))}
        {link('/loans', t('finance.loans'))}
      </nav>
    </>
  );
}

export function ExplanationView({ e }: { e: Explanation }) {
  const { t, locale } = useApp();
  return (
    <div className="finance-explanation">
      <p className="finance-score">
        <strong>{t('finance.score', { score: e.score, min: e.range.min, max: e.range.max })}</strong>
      </p>
      <p className="muted">
        {t('finance.scorecard', {
          version: e.scorecardVersion,
          date: formatDate(`${e.effectiveOn}T00:00:00+07:00`, locale),
        })}
      </p>
      {e.policyReasons.length ? (
        <ul>
          {e.policyReasons.map((r) => (
            <li key={r.code}>{r.text}</li>
          ))}
        </ul>
      ) : null}
      {e.reasons.length ? (
        <>
          <h3>{t('finance.reasons')}</h3>
          <ol className="finance-reasons">
            {e.reasons.map((r) => (
              <li key={r.code}>
                <strong>{r.text}</strong> <span className="muted">({t('finance.lost', { n: r.pointsLost })})</span>
                <br />
                {r.improve}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

export function OfferView({ o }: { o: Offer }) {
  const { t, locale } = useApp();
  const row = (label: string, satang: number) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatMoney(satang, locale)}</td>
    </tr>
  );
  return (
    <table className="finance-table">
      <tbody>
        {row(t('finance.offerAmount'), o.amount)}
        {row(t('finance.interest'), o.interest)}
        {row(t('finance.fees'), o.fee + o.guaranteeFee)}
        {row(t('finance.disbursed'), o.disbursed)}
        {row(t('finance.total'), o.totalRepayable)}
        <tr>
          <th scope="row">{t('finance.tenor')}</th>
          <td>
            {o.tenorMonths} · {(o.rateBp / 100).toFixed(2)}% ·{' '}
            {o.repayment === 'revenue_share'
              ? t('finance.repay.revenue_share', { share: (o.revenueShareBp ?? 0) / 100 })
              : t('finance.repay.instalments')}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
