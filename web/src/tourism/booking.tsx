// A visitor's booking (/tours/bookings/<id>): while the places are held, how long and the way to pay
// (the payment pages: PromptPay, Alipay or card); once paid, the ticket — its QR code and the PDF —
// and a cancellation by the experience's policy. Also the list of the visitor's bookings.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatMoney } from '../app/i18n.ts';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle } from '../components/ui.tsx';
import { Policy } from './experience.tsx';
import type { BookingSummary, MyBooking, Ticket } from './shapes.ts';
import './messages.ts';
import './tourism.css';

interface BookingData {
  booking: BookingSummary;
  ticket: Ticket | null;
}

const HELD = new Set(['ON_HOLD', 'PENDING']);
const TICKETED = new Set(['CONFIRMED', 'REDEEMED']);

/** The signed link's key (`?k=`), passed on to every call about the booking; '' when there is none. */
const linkKey = (query: URLSearchParams) => {
  const k = query.get('k');
  return k && /^[A-Za-z0-9_-]{1,64}$/.test(k) ? k : '';
};
const withKey = (k: string, sep: '?' | '&' = '?') => (k ? `${sep}k=${k}` : '');

export const bookingPage: PageModule<BookingData & { k: string }> = {
  // Open to guests: the booking is theirs by the cart cookie, or by the signed link's key.
  async load({ api, params, query }) {
    const id = encodeURIComponent(params.id);
    const k = linkKey(query);
    const booking = await api.get<BookingSummary>(`/tourism/bookings/${id}${withKey(k)}`);
    const ticket = TICKETED.has(booking.status)
      ? await api.get<Ticket>(`/tourism/bookings/${id}/ticket${withKey(k)}`)
      : null;
    return { booking, ticket, k };
  },
  head: (d, { t }) => ({ title: t('tour.bk.title', { reference: d.booking.reference ?? '' }), noindex: true }),
  Page({ data }) {
    const { t, locale, href, api, reload } = useApp();
    const b = data.booking;
    // While the places are held, look every 2 s: the page shows the ticket by itself once paid.
    useEffect(() => {
      if (!HELD.has(b.status)) return;
      const timer = setInterval(async () => {
        const now = await api.get<BookingSummary>(`/tourism/bookings/${b.id}${withKey(data.k)}`).catch(() => null);
        if (now && now.status !== b.status) await reload();
      }, 2000);
      return () => clearInterval(timer);
    }, [b.id, b.status, api, reload, data.k]);
    return (
      <div className="tour">
        <p className="crumbs">
          <a href={href('/tours/bookings')}>{t('tour.myBookings')}</a>
        </p>
        <PageTitle>{t('tour.bk.title', { reference: b.reference ?? '' })}</PageTitle>
        <p className={`tour-status bk-${b.status}`} role="status">
          {t(`tour.bk.status.${b.status}`)}
        </p>
        <dl className="facts">
          <dt>{t('tour.exp.option')}</dt>
          <dd>
            <a href={href(`/tours/experiences/${b.experienceId}`)}>{b.experienceTitle}</a> · {b.optionTitle}
          </dd>
          <dt>{t('tour.bk.when')}</dt>
          <dd>
            <time dateTime={b.startsAt}>{b.when}</time>
          </dd>
          <dt>{t('tour.bk.who')}</dt>
          <dd>{b.unitLines.map((u) => `${u.title} × ${u.quantity}`).join(', ')}</dd>
          <dt>{t('tour.bk.total')}</dt>
          <dd className="grand">{formatMoney(b.totalSatang, locale)}</dd>
          {b.refundSatang ? (
            <>
              <dt>{t('tour.bk.status.CANCELLED')}</dt>
              <dd>{t('tour.bk.refunded', { amount: formatMoney(b.refundSatang, locale) })}</dd>
            </>
          ) : null}
        </dl>
        {HELD.has(b.status) && b.groupId ? (
          <section className="tour-pay">
            <p>{t('tour.bk.holdUntil', { time: formatDate(b.holdExpiresAt, locale) })}</p>
            <p>
              <a className="button primary" href={href(`/pay/${b.groupId}`)}>
                {t('tour.bk.pay', { amount: formatMoney(b.totalSatang, locale) })}
              </a>
            </p>
            <p className="muted">{t('tour.bk.waiting')}</p>
          </section>
        ) : null}
        {data.k ? (
          <p className="notice">
            {t('tour.guest.keep')} <a href={b.link}>{b.reference}</a>
          </p>
        ) : null}
        {data.ticket ? <TicketPanel ticket={data.ticket} k={data.k} /> : null}
        {b.cancellable ? <Cancel booking={b} k={data.k} /> : null}
      </div>
    );
  },
};

function TicketPanel({ ticket, k }: { ticket: Ticket; k: string }) {
  const { t, locale } = useApp();
  const base = `/api/tourism/bookings/${ticket.bookingId}/ticket`;
  return (
    <section aria-labelledby="tour-ticket" className="tour-ticket">
      <h2 id="tour-ticket">{t('tour.ticket.title')}</h2>
      {ticket.redeemedAt ? (
        <p className="notice">{t('tour.ticket.redeemedAt', { time: formatDate(ticket.redeemedAt, locale) })}</p>
      ) : (
        <>
          <img
            src={`${base}/qr.svg${withKey(k)}`}
            width={240}
            height={240}
            alt={t('tour.ticket.qrAlt', { reference: ticket.reference })}
          />
          <p>{t('tour.ticket.show', { reference: ticket.reference })}</p>
          <p className="mono tour-reference">{ticket.reference}</p>
        </>
      )}
      <dl className="facts">
        <dt>{t('tour.exp.meeting')}</dt>
        <dd>
          {ticket.meetingPoint.address}
          <div>{ticket.meetingPoint.directions}</div>
        </dd>
      </dl>
      <p>
        <a href={`${base}.pdf?lang=${locale}${withKey(k, '&')}`} download={`ticket-${ticket.reference}.pdf`}>
          {t('tour.ticket.pdf')}
        </a>
      </p>
    </section>
  );
}

interface Cancelled {
  refundPercent: number;
  refundSatang: number;
}

function Cancel({ booking, k }: { booking: BookingSummary; k: string }) {
  const { t, locale, api, reload } = useApp();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<Cancelled | null>(null);
  const { formError, pending, run } = useSubmit();
  const key = useRef<string | null>(null);
  const paid = booking.status === 'CONFIRMED';
  const cancel = async () => {
    key.current ??= newIdempotencyKey();
    const out = await run(() =>
      api.send<Cancelled>('POST', `/tourism/bookings/${booking.id}/cancel${withKey(k)}`, undefined, {
        'idempotency-key': key.current!,
      }),
    );
    if (out) {
      setDone(out);
      await reload();
    }
  };
  const refund = Math.floor((booking.totalSatang * booking.refundPercentNow) / 100);
  return (
    <section aria-labelledby="tour-cancel" className="tour-cancel">
      <h2 id="tour-cancel">{t('tour.cancel.title')}</h2>
      {paid ? <Policy rules={booking.cancellation} /> : null}
      <p>
        {paid
          ? t('tour.cancel.now', { p: booking.refundPercentNow, amount: formatMoney(refund, locale) })
          : t('tour.cancel.unpaid')}
      </p>
      {done ? (
        <p role="status" className="notice">
          {t('tour.cancel.done', { amount: formatMoney(done.refundSatang, locale), p: done.refundPercent })}
        </p>
      ) : asking ? (
        <button type="button" className="danger" disabled={pending} onClick={() => void cancel()}>
          {t('tour.cancel.confirm')}
        </button>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {t('tour.cancel.title')}
        </button>
      )}
      <FormError message={formError} />
    </section>
  );
}

export const myBookingsPage: PageModule<MyBooking[]> = {
  access: 'user',
  load: async ({ api }) => (await api.get<{ items: MyBooking[] }>('/tourism/my-bookings')).items,
  head: (_d, { t }) => ({ title: t('tour.my.title'), noindex: true }),
  Page({ data }) {
    const { t, locale, href } = useApp();
    return (
      <div className="tour">
        <PageTitle>{t('tour.my.title')}</PageTitle>
        {data.length ? (
          <ul className="tour-cards">
            {data.map((b) => (
              <li key={b.id}>
                <a className="tour-card" href={href(`/tours/bookings/${b.id}`)}>
                  <strong>{b.experienceTitle}</strong>
                  <span>
                    <time dateTime={b.startsAt}>{b.when}</time>
                  </span>
                  <span className={`tour-status bk-${b.status}`}>{t(`tour.bk.status.${b.status}`)}</span>
                  <span className="muted">
                    {b.reference} · {formatMoney(b.totalSatang, locale)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('tour.my.empty')}</Empty>
        )}
        <p>
          <a href={href('/tours')}>{t('tour.allDestinations')}</a>
        </p>
      </div>
    );
  },
};
