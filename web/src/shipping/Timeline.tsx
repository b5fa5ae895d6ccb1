// An order's tracking as a timeline, newest first, in the page's language (Buddhist-era dates in
// Thai). It refreshes itself while the parcel is on its way, so a buyer sees it move.
import { useEffect, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate, formatDateZoned } from '../app/i18n.ts';
import '../messages/shipping.ts';

export interface TimelineEvent {
  code: string;
  label: string;
  place: string | null;
  occurredAt: string;
  source: string;
}
export interface ShipmentTimeline {
  shipmentId: string;
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  status: string;
  statusLabel: string;
  fulfilment: string;
  sandbox: boolean;
  parcels: number;
  events: TimelineEvent[];
}

export function ShipmentTimelines({
  items,
  showLabel = false,
  timeZone,
}: {
  items: ShipmentTimeline[];
  showLabel?: boolean;
  /** Times in this zone with the zone written out (a buyer in China); Bangkok time otherwise. */
  timeZone?: string;
}) {
  const { t, locale } = useApp();
  const when = (iso: string) => (timeZone ? formatDateZoned(iso, locale, timeZone) : formatDate(iso, locale));
  if (!items.length) return <p className="muted">{t('tracking.none')}</p>;
  return (
    <>
      {items.map((s) => (
        <div key={s.shipmentId} className="shipment" data-tracking={s.trackingNumber}>
          <p>
            {t('tracking.carrier')}: <strong>{s.carrierName}</strong> · {t('tracking.number')}:{' '}
            <strong className="mono">{s.trackingNumber}</strong>{' '}
            <span className={`status status-${s.status}`}>{s.statusLabel}</span>
          </p>
          {s.sandbox ? (
            <p className="note sandbox" role="note">
              <strong>SANDBOX</strong> · {t('tracking.sandbox')}
            </p>
          ) : null}
          {!s.sandbox && s.fulfilment === 'seller' ? <p className="muted">{t('tracking.enteredOnly')}</p> : null}
          {showLabel && s.fulfilment === 'hub' ? (
            <p>
              <a href={`/api/shipments/${s.shipmentId}/label`} target="_blank" rel="noopener">
                {t('ship.label')}
              </a>
            </p>
          ) : null}
          <ol className="timeline">
            {s.events.map((e, i) => (
              <li key={`${e.code}-${e.occurredAt}-${i}`} className={i === 0 ? 'current' : undefined} data-code={e.code}>
                <time dateTime={e.occurredAt}>{when(e.occurredAt)}</time>
                <span className="what">{e.label}</span>
                {e.place ? <span className="muted"> · {e.place}</span> : null}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}

/** Loads and shows an order's tracking; polls every `pollSeconds` until every parcel is delivered. */
export function OrderTracking({
  orderId,
  pollSeconds = 5,
  onDelivered,
  showLabel = false,
  timeZone,
}: {
  orderId: string;
  pollSeconds?: number;
  onDelivered?: () => void;
  showLabel?: boolean;
  timeZone?: string;
}) {
  const { t, api, locale } = useApp();
  const [items, setItems] = useState<ShipmentTimeline[] | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await api.get<ShipmentTimeline[]>(`/orders/${encodeURIComponent(orderId)}/tracking`);
        if (stopped) return;
        setItems(next);
        const moving = next.length === 0 || next.some((s) => s.status !== 'delivered');
        // Nothing booked yet: look again now and then; on its way: every pollSeconds.
        if (moving) timer = setTimeout(load, (next.length ? pollSeconds : pollSeconds * 6) * 1000);
        else onDelivered?.();
      } catch {
        if (!stopped) timer = setTimeout(load, pollSeconds * 4000);
      }
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [orderId, api, locale, pollSeconds]);
  return (
    <section className="tracking" aria-labelledby={`tracking-${orderId}`} aria-live="polite">
      <h2 id={`tracking-${orderId}`}>{t('tracking.title')}</h2>
      {items ? (
        <ShipmentTimelines items={items} showLabel={showLabel} timeZone={timeZone} />
      ) : (
        <p className="muted">…</p>
      )}
    </section>
  );
}
