// An experience (/tours/experiences/<id>): what it is, its meeting point with Chinese directions,
// guide languages, inclusions and cancellation policy; then the visitor chooses an option, a day in
// the calendar (each day marked with its best OCTO status), a slot with its vacancies and the
// number of people per unit, and books: the places are held and the visitor goes to pay.
// Option and day live in the URL (?option=&date=), so the calendar works as plain links too.
import { useRef, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatMoney, provinceName } from '../app/i18n.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import { signInPath } from '../app/load-page.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle, TextField } from '../components/ui.tsx';
import {
  addDays,
  bangkokDay,
  type Experience,
  longDay,
  monthName,
  type OctoStatus,
  type Slot,
  timeOf,
  weekdayOf,
  weekdayShort,
} from './shapes.ts';
import './messages.ts';
import './tourism.css';

const WEEKS = 6;
const RANK: Record<OctoStatus, number> = { AVAILABLE: 3, LIMITED: 2, SOLD_OUT: 1, CLOSED: 0 };

interface ExperienceData {
  experience: Experience;
  slots: Slot[];
  /** The first day the calendar shows (a Monday) and today, Bangkok time. */
  start: string;
  today: string;
  optionId: string;
  date: string | null;
}

export const experiencePage: PageModule<ExperienceData> = {
  async load({ api, params, query }) {
    const today = bangkokDay(new Date());
    const start = addDays(today, -weekdayOf(today));
    const id = encodeURIComponent(params.id);
    const [experience, availability] = await Promise.all([
      api.get<Experience>(`/tourism/experiences/${id}`),
      api.get<{ items: Slot[] }>(
        `/tourism/experiences/${id}/availability?from=${today}&to=${addDays(start, WEEKS * 7)}`,
      ),
    ]);
    const wanted = query.get('option');
    const optionId = experience.options.some((o) => o.id === wanted) ? wanted! : experience.options[0].id;
    const ofOption = availability.items.filter((s) => s.optionId === optionId);
    const asked = query.get('date');
    const first = ofOption.find((s) => s.available);
    const date =
      asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : first ? bangkokDay(first.localDateTimeStart) : null;
    return { experience, slots: availability.items, start, today, optionId, date };
  },
  head: (d) => ({ title: d.experience.title, description: d.experience.description }),
  Page({ data }) {
    const { t, locale, href } = useApp();
    const e = data.experience;
    const option = e.options.find((o) => o.id === data.optionId)!;
    const slots = data.slots.filter((s) => s.optionId === option.id);
    const link = (optionId: string, date: string | null) =>
      href(`/tours/experiences/${e.id}?option=${encodeURIComponent(optionId)}${date ? `&date=${date}` : ''}`);
    return (
      <div className="tour">
        <nav aria-label={t('nav.breadcrumb')} className="crumbs">
          <a href={href('/tours')}>{t('tour.allDestinations')}</a> ›{' '}
          <a href={href(`/tours/${e.provinceCode}`)}>{provinceName(e.provinceCode, locale)}</a>
        </nav>
        <PageTitle>{e.title}</PageTitle>
        <p>{e.description}</p>
        <dl className="facts tour-facts">
          <dt>{t('tour.exp.meeting')}</dt>
          <dd>
            {e.meetingPoint.address} ·{' '}
            <a
              href={`https://www.openstreetmap.org/?mlat=${e.meetingPoint.lat}&mlon=${e.meetingPoint.lng}#map=16/${e.meetingPoint.lat}/${e.meetingPoint.lng}`}
              rel="noopener"
            >
              {t('tour.exp.map')}
            </a>
            <div>{e.meetingPoint.directions}</div>
          </dd>
          {locale !== 'zh' ? (
            <>
              <dt>{t('tour.exp.directionsZh')}</dt>
              <dd lang="zh-Hans">{e.meetingPoint.directionsZh}</dd>
            </>
          ) : null}
          <dt>{t('tour.exp.guides')}</dt>
          <dd>{e.guideLanguages.map((l) => languageName(l, locale)).join(', ')}</dd>
          {e.inclusions.length ? (
            <>
              <dt>{t('tour.exp.includes')}</dt>
              <dd>{e.inclusions.join(' · ')}</dd>
            </>
          ) : null}
          <dt>{t('tour.exp.policy')}</dt>
          <dd>
            <Policy rules={e.cancellation} />
          </dd>
        </dl>

        <fieldset className="tour-options">
          <legend>{t('tour.exp.option')}</legend>
          <ul className="chips">
            {e.options.map((o) => (
              <li key={o.id}>
                <a className="chip" href={link(o.id, data.date)} aria-current={o.id === option.id ? 'true' : undefined}>
                  {o.title} · {t('tour.exp.duration', { h: Math.round((o.durationMinutes / 60) * 10) / 10 })}
                </a>
              </li>
            ))}
          </ul>
        </fieldset>

        <Calendar data={data} slots={slots} link={(day) => link(option.id, day)} />
        {data.date ? (
          <Booking
            key={`${option.id}|${data.date}`}
            experience={e}
            optionId={option.id}
            date={data.date}
            slots={slots.filter((s) => bangkokDay(s.localDateTimeStart) === data.date)}
          />
        ) : (
          <p>{t('tour.cal.pickDate')}</p>
        )}
        <p className="muted">{t('tour.exp.cutoff', { m: e.cutoffMinutes })}</p>
      </div>
    );
  },
};

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale === 'zh' ? 'zh-Hans' : locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function Policy({ rules }: { rules: { hoursBefore: number; refundPercent: number }[] }) {
  const { t } = useApp();
  const sorted = [...rules].sort((a, b) => b.hoursBefore - a.hoursBefore);
  return (
    <ul className="tour-policy">
      {sorted.map((r) => (
        <li key={r.hoursBefore}>{t('tour.exp.policyRule', { h: r.hoursBefore, p: r.refundPercent })}</li>
      ))}
      <li>{t('tour.exp.policyNone')}</li>
    </ul>
  );
}

/** Six weeks from this week's Monday; each day links to its slots and says its best status. */
function Calendar({ data, slots, link }: { data: ExperienceData; slots: Slot[]; link: (day: string) => string }) {
  const { t, locale } = useApp();
  const best = new Map<string, { status: OctoStatus; vacancies: number }>();
  for (const s of slots) {
    const day = bangkokDay(s.localDateTimeStart);
    const was = best.get(day);
    if (!was || RANK[s.status] > RANK[was.status])
      best.set(day, { status: s.status, vacancies: Math.max(s.vacancies, was?.vacancies ?? 0) });
    else if (was && s.available) was.vacancies = Math.max(was.vacancies, s.vacancies);
  }
  const weeks = Array.from({ length: WEEKS }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => addDays(data.start, w * 7 + d)),
  );
  const statuses: OctoStatus[] = ['AVAILABLE', 'LIMITED', 'SOLD_OUT', 'CLOSED'];
  return (
    <section aria-labelledby="tour-cal" className="tour-calendar">
      <h2 id="tour-cal">{t('tour.cal.title')}</h2>
      <table>
        <caption>
          {t('tour.cal.month', {
            month: [...new Set([data.start, addDays(data.start, WEEKS * 7 - 1)].map((d) => monthName(d, locale)))].join(
              ' – ',
            ),
          })}
        </caption>
        <thead>
          <tr>
            {weeks[0].map((d) => (
              <th key={d} scope="col">
                {weekdayShort(d, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const info = best.get(day);
                const dayNumber = Number(day.slice(8));
                const label = `${longDay(day, locale)}: ${info ? t(`tour.status.${info.status}`) : t('tour.cal.noSlots')}`;
                const current = day === data.date;
                return (
                  <td key={day} className={current ? 'chosen' : undefined}>
                    {info && day >= data.today ? (
                      <a
                        href={link(day)}
                        className={`st-${info.status}`}
                        aria-label={label}
                        aria-current={current ? 'date' : undefined}
                      >
                        {dayNumber}
                      </a>
                    ) : (
                      <span aria-label={label} role="img" className={info ? `st-${info.status}` : 'st-none'}>
                        {dayNumber}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="tour-legend" aria-label={t('tour.cal.legend')}>
        {statuses.map((s) => (
          <li key={s}>
            <span aria-hidden="true" className={`dot st-${s}`} /> {t(`tour.status.${s}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The slots of the chosen day, the number of people per unit, and the booking. */
function Booking({
  experience,
  optionId,
  date,
  slots,
}: {
  experience: Experience;
  optionId: string;
  date: string;
  slots: Slot[];
}) {
  const { t, locale, api, me, navigate, href, path, search } = useApp();
  const option = experience.options.find((o) => o.id === optionId)!;
  const [slotId, setSlotId] = useState<string | null>(slots.find((s) => s.available)?.id ?? null);
  const [counts, setCounts] = useState<Record<string, number>>(() =>
    Object.fromEntries(option.units.map((u, i) => [u.id, i === 0 ? 1 : 0])),
  );
  const { formError, pending, run } = useSubmit();
  const key = useRef<string | null>(null);
  // A visitor who is not signed in books as a guest and leaves how the shop can reach them.
  const [contact, setContact] = useState({ name: '', email: '', phone: '' });
  const total = option.units.reduce((sum, u) => sum + u.priceSatang * (counts[u.id] ?? 0), 0);
  const slot = slots.find((s) => s.id === slotId);
  const change = (f: () => void) => {
    key.current = null; // a different request: a new Idempotency-Key
    f();
  };
  const book = async (ev: React.FormEvent) => {
    ev.preventDefault();
    if (!slotId) return;
    key.current ??= newIdempotencyKey();
    const units = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    const guest = me
      ? {}
      : {
          contact: {
            name: contact.name.trim(),
            ...(contact.email.trim() ? { email: contact.email.trim() } : {}),
            ...(contact.phone.trim() ? { phone: contact.phone.trim() } : {}),
          },
        };
    const done = await run(() =>
      api.send<{ bookingId: string; link: string }>(
        'POST',
        '/tourism/bookings',
        { slotId, units, ...guest },
        { 'idempotency-key': key.current! },
      ),
    );
    // A guest goes on by the signed link (kept in the address, so it can be bookmarked or shared).
    if (done) {
      const link = new URL(done.link);
      await navigate(me ? href(`/tours/bookings/${done.bookingId}`) : `${link.pathname}${link.search}`);
    }
  };
  return (
    <form className="tour-book" onSubmit={book} noValidate>
      <fieldset>
        <legend>{t('tour.slots.title', { date: longDay(date, locale) })}</legend>
        {slots.length ? (
          slots.map((s) => (
            <label key={s.id} className="radio slot">
              <input
                type="radio"
                name="slot"
                value={s.id}
                checked={slotId === s.id}
                disabled={!s.available}
                onChange={() => change(() => setSlotId(s.id))}
              />{' '}
              {t('tour.slot.label', {
                time: timeOf(s.localDateTimeStart, locale),
                status: t(`tour.status.${s.status}`),
              })}
              {s.available ? <span className="muted"> · {t('tour.slot.vacancies', { n: s.vacancies })}</span> : null}
            </label>
          ))
        ) : (
          <p>{t('tour.slots.none')}</p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('tour.people')}</legend>
        {option.units.map((u) => (
          <div className="field tour-unit" key={u.id}>
            <label htmlFor={`unit-${u.id}`}>
              {t('tour.unitPrice', { unit: u.title, price: formatMoney(u.priceSatang, locale) })}
            </label>
            <input
              id={`unit-${u.id}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={slot?.vacancies ?? 100}
              value={counts[u.id] ?? 0}
              onChange={(ev) =>
                change(() => setCounts({ ...counts, [u.id]: Math.max(0, Math.floor(Number(ev.target.value) || 0)) }))
              }
            />
          </div>
        ))}
      </fieldset>
      <p className="grand" aria-live="polite">
        {t('tour.total', { amount: formatMoney(total, locale) })}
      </p>
      {me ? null : (
        <fieldset className="tour-contact">
          <legend>{t('tour.guest.title')}</legend>
          <p className="muted">
            {t('tour.guest.hint')} <a href={signInPath(locale, path, search)}>{t('tour.signInToBook')}</a>
          </p>
          <TextField
            label={t('tour.guest.name')}
            name="name"
            autoComplete="name"
            required
            value={contact.name}
            onChange={(ev) => change(() => setContact({ ...contact, name: ev.target.value }))}
          />
          <TextField
            label={t('tour.guest.email')}
            name="email"
            type="email"
            autoComplete="email"
            value={contact.email}
            onChange={(ev) => change(() => setContact({ ...contact, email: ev.target.value }))}
          />
          <TextField
            label={t('tour.guest.phone')}
            name="phone"
            type="tel"
            autoComplete="tel"
            value={contact.phone}
            onChange={(ev) => change(() => setContact({ ...contact, phone: ev.target.value }))}
          />
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={pending || !slotId}>
        {pending ? t('tour.booking') : t('tour.book')}
      </button>
      {!slotId && slots.length ? <p className="muted">{t('tour.chooseSlot')}</p> : null}
      <FormError message={formError} />
    </form>
  );
}
