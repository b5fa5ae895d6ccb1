// What the hub screens share: the hub menu, the scan box (a barcode scanner types into the focused
// input and presses Enter), status and risk labels, and the API shapes.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useApp } from '../app/context.tsx';
import { newIdempotencyKey } from '../app/idempotency-key.ts';
import '../messages/hub.ts';
import './hub.css';

export interface HubInfo {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
  bonded: boolean;
  role: string;
}
export interface InboundLine {
  id: string;
  variantId: string;
  sku: string;
  lotNumber: string;
  productionDate: string | null;
  expiryDate: string | null;
  expectedQty: number;
  receivedQty: number;
  damagedQty: number;
  shortQty: number;
  overQty: number;
}
export interface Inbound {
  id: string;
  number: string;
  sellerId: string;
  locationId: string;
  status: string;
  cartons: number;
  createdAt: string;
  receivedAt: string | null;
  lines: InboundLine[];
  discrepancies: number;
}
export interface Outbound {
  id: string;
  orderId: string;
  orderNumber: string;
  status: string;
  shipBy: string;
  handlingHours: number;
  risk: 'late' | 'at_risk' | 'on_time' | null;
  shipTo: { name: string; phone: string; address: string; districtCode?: string };
  trackingNumber: string | null;
  carrier: string | null;
  crossBorder: null | {
    waybillNo: string;
    logisticsCode: string;
    exportDeclaration: {
      originCountry: string;
      fobSatang: number;
      netWeightGrams: number;
      grossWeightGrams: number;
      lines: {
        variantId: string;
        hsCode: string;
        description: string;
        quantity: number;
        fobSatang: number;
        netWeightGrams: number;
      }[];
      packedGrossWeightGrams?: number;
      parcels?: number;
    };
  };
  lines: { sku: string; title: string; quantity: number }[];
}

export const moving = () => ({ 'idempotency-key': newIdempotencyKey() });

export function HubNav({ locationId, current }: { locationId: string; current: string }) {
  const { t, href } = useApp();
  const items: [string, string][] = [
    ['', 'hub.overview'],
    ['receive', 'hub.receive'],
    ['putaway', 'hub.putaway'],
    ['pick', 'hub.pick'],
    ['pack', 'hub.pack'],
    ['dispatch', 'hub.dispatch'],
    ['stock', 'hub.stock'],
  ];
  return (
    <>
      <p className="muted">
        <a href={href('/hub')}>{t('hub.title')}</a>
      </p>
      <nav className="console-nav" aria-label={t('hub.nav')}>
        {items.map(([to, key]) => (
          <a
            key={to}
            href={href(`/hub/${locationId}${to ? `/${to}` : ''}`)}
            aria-current={current === to ? 'page' : undefined}
          >
            {t(key)}
          </a>
        ))}
      </nav>
    </>
  );
}

/**
 * One focused input: a barcode scanner acting as a keyboard types the code and presses Enter,
 * which submits. The box empties and keeps the focus for the next scan.
 */
export function ScanBox({
  label,
  onScan,
  disabled,
  children,
}: {
  label: string;
  onScan: (code: string) => Promise<unknown>;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const { t } = useApp();
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  // autoFocus is not applied when a server-rendered page hydrates: focus the box once it is live.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = ref.current?.value.trim() ?? '';
    if (!code) return;
    await onScan(code);
    if (ref.current) {
      ref.current.value = '';
      ref.current.focus();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="scan-form" noValidate>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          ref={ref}
          name="code"
          // biome-ignore lint/a11y/noAutofocus: a scanner types into this box; the screen has nothing else to focus
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          aria-describedby={`${id}-hint`}
          disabled={disabled}
        />
        <p className="hint" id={`${id}-hint`}>
          {t('hub.scan')}
        </p>
      </div>
      {children}
      {/* A form with more than one field submits on Enter only when it has a submit button. */}
      <button type="submit" disabled={disabled}>
        {t('hub.enter')}
      </button>
    </form>
  );
}

export function RiskBadge({ risk }: { risk: Outbound['risk'] }) {
  const { t } = useApp();
  if (!risk) return null;
  return <span className={`risk risk-${risk}`}>{t(`hub.risk.${risk}`)}</span>;
}

/** A message that says what just happened (announced to screen readers). */
export function useFlash(): [ReactNode, (text: string | null) => void] {
  const [text, setText] = useState<string | null>(null);
  const notice = text ? (
    <p className="notice" role="status">
      {text}
    </p>
  ) : null;
  return [notice, setText];
}

const DAY_LOCALES = { th: 'th-TH-u-ca-buddhist', zh: 'zh-Hans-CN', en: 'en-GB' } as const;
/** A calendar date (YYYY-MM-DD, e.g. a lot's expiry) as the page's language writes it; Thai in the Buddhist era. */
export const formatDay = (day: string | null, locale: 'th' | 'zh' | 'en'): string =>
  day
    ? new Intl.DateTimeFormat(DAY_LOCALES[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      )
    : '—';
