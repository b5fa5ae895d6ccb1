// "Verified by Talad" badges: each mark a product (or a flagship store, or a lot) carries, verified
// by an operator and still valid. The explanation opens on a tap, a click or Enter (a disclosure, so
// keyboards and screen readers reach it too): what the mark means, its number, issuer and validity.
// A mouse hovering over it shows it for as long as it stays; clicking a badge that hover opened pins
// it open rather than closing it under the pointer.
import { useRef } from 'react';
import { useApp } from '../app/context.tsx';
import '../messages/marks.ts';
import './standards.css';

export interface MarkBadge {
  certificateId: string;
  kind: string;
  label: string;
  explanation: string;
  issuer: string;
  number: string;
  standardRef: string | null;
  variantId: string | null;
  expiresOn: string;
  gi: { name: string; registrationNumber: string } | null;
  originArea: string | null;
  stars: number | null;
  year: number | null;
}

/** A date (YYYY-MM-DD) as the page's language writes it; Thai in the Buddhist era. */
export function formatDay(day: string, locale: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const tag = locale === 'th' ? 'th-TH-u-ca-buddhist' : locale === 'zh' ? 'zh-Hans-CN' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

function Badge({ mark }: { mark: MarkBadge }) {
  const { t, locale } = useApp();
  const openedByHover = useRef(false);
  return (
    <li>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the summary is the keyboard control, and Enter on it fires this click */}
      <details
        className={`mark-badge mark-${mark.kind}`}
        onPointerEnter={(e) => {
          if (e.pointerType !== 'mouse' || e.currentTarget.open) return;
          openedByHover.current = true;
          e.currentTarget.open = true;
        }}
        onPointerLeave={(e) => {
          if (e.pointerType !== 'mouse' || !openedByHover.current) return;
          openedByHover.current = false;
          e.currentTarget.open = false;
        }}
        onClick={(e) => {
          if (!openedByHover.current || !(e.target as Element).closest('summary')) return;
          // Opened by hover: a click on the summary pins it open instead of toggling it shut.
          openedByHover.current = false;
          e.preventDefault();
        }}
      >
        <summary>
          <span aria-hidden="true">✓ </span>
          {mark.label}
          {mark.stars ? ` ${'★'.repeat(mark.stars)}` : ''}
          <span className="mark-by"> · {t('marks.verifiedBy')}</span>
        </summary>
        <div className="mark-explain" role="note">
          <p>{mark.explanation}</p>
          <ul>
            <li>
              {t('marks.number', { number: mark.standardRef ? `${mark.standardRef} · ${mark.number}` : mark.number })}
            </li>
            <li>{t('marks.issuer', { issuer: mark.issuer })}</li>
            {mark.gi ? <li>{t('marks.gi', { name: mark.gi.name, number: mark.gi.registrationNumber })}</li> : null}
            {mark.originArea ? <li lang="th">{t('marks.origin', { place: mark.originArea })}</li> : null}
            {mark.stars && mark.year ? (
              <li>{t('marks.stars', { stars: mark.stars, year: locale === 'th' ? mark.year + 543 : mark.year })}</li>
            ) : null}
            <li>{t('marks.validUntil', { date: formatDay(mark.expiresOn, locale) })}</li>
          </ul>
        </div>
      </details>
    </li>
  );
}

export function MarkBadges({ marks, title }: { marks: MarkBadge[]; title?: string }) {
  const { t } = useApp();
  if (!marks.length) return null;
  return (
    <section className="marks" aria-label={title ?? t('marks.title')}>
      <ul className="mark-list">
        {marks.map((m) => (
          <Badge key={m.certificateId} mark={m} />
        ))}
      </ul>
    </section>
  );
}
