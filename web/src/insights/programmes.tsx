// The programme's other results on the dashboard: flash-sale campaigns (in total and by window),
// people trained by province and by community digital centre, bookings in the secondary cities and loans — every figure as the
// server gave it, "hidden" where the privacy rules suppress it.
import { useApp } from '../app/context.tsx';
import { formatDate, formatNumber, provinceName } from '../app/i18n.ts';
import { Price } from '../components/ui.tsx';
import { type Cell, CellTable, Figure } from './cells.tsx';

type Cells<K extends string> = Record<K, Cell>;
type FlashCells = Cells<
  | 'campaigns'
  | 'shops'
  | 'stockOffered'
  | 'orders'
  | 'unitsSold'
  | 'sellThroughPercent'
  | 'peakOrdersPerMinute'
  | 'oversold'
>;
export interface Programmes {
  flashSales: FlashCells & { byWindow: (FlashCells & { startsAt: string; endsAt: string })[]; windowsHidden: number };
  learning: Cells<'learners' | 'completions' | 'certificates'> & {
    byProvince: ({ key: string } & Cells<'learners' | 'completions' | 'certificates'>)[];
    byCentre: ({ key: string; provinceCode: string; name: Record<'th' | 'zh' | 'en', string> } & Cells<
      'learners' | 'completions' | 'certificates'
    >)[];
  };
  bookings: Cells<'bookings' | 'places' | 'grossSatang'> & {
    byCity: ({ key: string } & Cells<'bookings' | 'places' | 'grossSatang'>)[];
  };
  loans: Cells<'applied' | 'appliedSatang' | 'approved' | 'disbursed' | 'disbursedSatang' | 'repaid'>;
}

export function ProgrammeSections({ d }: { d: Programmes }) {
  const { t, locale } = useApp();
  const n = (x: number) => formatNumber(x, locale);
  const money = (v: number) => <Price satang={v} />;
  const fs = d.flashSales;
  return (
    <>
      <section className="insight-flash">
        <h2>{t('insights.flashSales')}</h2>
        <dl className="insight-figures">
          <Figure label={t('insights.flash.campaigns')} cell={fs.campaigns} render={n} />
          <Figure label={t('insights.flash.shops')} cell={fs.shops} render={n} />
          <Figure label={t('insights.orders')} cell={fs.orders} render={n} />
          <Figure label={t('insights.flash.unitsSold')} cell={fs.unitsSold} render={n} />
          <Figure label={t('insights.flash.stockOffered')} cell={fs.stockOffered} render={n} />
          <Figure label={t('insights.flash.sellThrough')} cell={fs.sellThroughPercent} render={(v) => `${n(v)}%`} />
          <Figure label={t('insights.flash.peak')} cell={fs.peakOrdersPerMinute} render={n} />
          <Figure label={t('insights.flash.oversold')} cell={fs.oversold} render={n} />
        </dl>
        <CellTable
          title={t('insights.flash.byWindow')}
          head={t('insights.flash.window')}
          rows={fs.byWindow.map((w) => ({ ...w, key: `${w.startsAt}/${w.endsAt}` }))}
          label={(w) => `${formatDate(w.startsAt, locale)} – ${formatDate(w.endsAt, locale)}`}
          columns={[
            { label: t('insights.flash.shops'), cell: (w) => w.shops, render: n },
            { label: t('insights.orders'), cell: (w) => w.orders, render: n },
            { label: t('insights.flash.unitsSold'), cell: (w) => w.unitsSold, render: n },
            { label: t('insights.flash.peak'), cell: (w) => w.peakOrdersPerMinute, render: n },
          ]}
        />
        {fs.windowsHidden ? <p className="hint">{t('insights.flash.windowsHidden', { n: fs.windowsHidden })}</p> : null}
      </section>

      <section className="insight-learning">
        <h2>{t('insights.learning')}</h2>
        <dl className="insight-figures">
          <Figure label={t('insights.learning.learners')} cell={d.learning.learners} render={n} />
          <Figure label={t('insights.learning.completions')} cell={d.learning.completions} render={n} />
          <Figure label={t('insights.learning.certificates')} cell={d.learning.certificates} render={n} />
        </dl>
        <CellTable
          title={t('insights.byProvince')}
          head={t('insights.province')}
          rows={d.learning.byProvince}
          label={(r) => provinceName(r.key, locale)}
          columns={[
            { label: t('insights.learning.learners'), cell: (r) => r.learners, render: n },
            { label: t('insights.learning.completions'), cell: (r) => r.completions, render: n },
            { label: t('insights.learning.certificates'), cell: (r) => r.certificates, render: n },
          ]}
        />
        <CellTable
          title={t('insights.learning.byCentre')}
          head={t('insights.learning.centre')}
          rows={d.learning.byCentre}
          label={(r) => `${r.name[locale]} · ${provinceName(r.provinceCode, locale)}`}
          columns={[
            { label: t('insights.learning.learners'), cell: (r) => r.learners, render: n },
            { label: t('insights.learning.completions'), cell: (r) => r.completions, render: n },
            { label: t('insights.learning.certificates'), cell: (r) => r.certificates, render: n },
          ]}
        />
      </section>

      <section className="insight-bookings">
        <h2>{t('insights.bookings')}</h2>
        <dl className="insight-figures">
          <Figure label={t('insights.bookings.bookings')} cell={d.bookings.bookings} render={n} />
          <Figure label={t('insights.bookings.places')} cell={d.bookings.places} render={n} />
          <Figure label={t('insights.bookings.value')} cell={d.bookings.grossSatang} render={money} />
        </dl>
        <CellTable
          title={t('insights.bookings.byCity')}
          head={t('insights.bookings.city')}
          rows={d.bookings.byCity}
          label={(r) => provinceName(r.key, locale)}
          columns={[
            { label: t('insights.bookings.bookings'), cell: (r) => r.bookings, render: n },
            { label: t('insights.bookings.places'), cell: (r) => r.places, render: n },
            { label: t('insights.bookings.value'), cell: (r) => r.grossSatang, render: money },
          ]}
        />
      </section>

      <section className="insight-loans">
        <h2>{t('insights.loans')}</h2>
        <dl className="insight-figures">
          <Figure label={t('insights.loans.applied')} cell={d.loans.applied} render={n} />
          <Figure label={t('insights.loans.appliedAmount')} cell={d.loans.appliedSatang} render={money} />
          <Figure label={t('insights.loans.approved')} cell={d.loans.approved} render={n} />
          <Figure label={t('insights.loans.disbursed')} cell={d.loans.disbursed} render={n} />
          <Figure label={t('insights.loans.disbursedAmount')} cell={d.loans.disbursedSatang} render={money} />
          <Figure label={t('insights.loans.repaid')} cell={d.loans.repaid} render={n} />
        </dl>
      </section>
    </>
  );
}
