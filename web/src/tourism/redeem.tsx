// The shop's ticket scanner (/seller/<shop>/tourism/redeem), made for a phone at the meeting point:
// the camera reads the ticket's QR code where the browser has the BarcodeDetector API; otherwise
// (and always) a field takes the typed reference (TK…) or the pasted QR content. A ticket is
// redeemed once; a second scan says when it was used.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import { NotFound, type PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle, TextField } from '../components/ui.tsx';
import type { Ticket } from './shapes.ts';
import './messages.ts';
import './tourism.css';

interface RedeemData {
  sellerId: string;
  shopName: string;
}

/** The part of the BarcodeDetector API (Shape Detection) the scanner uses; not in TypeScript's DOM types yet. */
interface Detector {
  detect(source: unknown): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (opts: { formats: string[] }) => Detector;
const detectorClass = (): DetectorClass | null =>
  (typeof window !== 'undefined' && (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector) || null;

export const redeemPage: PageModule<RedeemData> = {
  access: 'user',
  load: async ({ params, me, locale }) => {
    const m = me?.sellers.find((s) => s.sellerId === params.sellerId && s.status === 'approved');
    if (!m) throw new NotFound();
    const name = (locale !== 'th' && m.shopName[locale]) || m.shopName.th;
    return { sellerId: m.sellerId, shopName: name };
  },
  head: (_d, { t }) => ({ title: t('tour.redeem.title'), noindex: true }),
  Page({ data }) {
    const { t, api, locale } = useApp();
    const [code, setCode] = useState('');
    const [redeemed, setRedeemed] = useState<Ticket | null>(null);
    const { formError, pending, run } = useSubmit();
    const form = useRef<HTMLFormElement>(null);

    const redeem = async (value: string) => {
      const c = value.trim();
      if (!c) return;
      setRedeemed(null);
      const out = await run(() => api.send<Ticket>('POST', `/sellers/${data.sellerId}/tourism/redeem`, { code: c }));
      if (out) {
        setRedeemed(out);
        setCode('');
      }
      form.current?.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
    };

    return (
      <div className="tour tour-redeem">
        <PageTitle>{t('tour.redeem.title')}</PageTitle>
        <p className="muted">{t('tour.redeem.shop', { shop: data.shopName })}</p>
        <Camera onCode={(c) => void redeem(c)} />
        <form
          ref={form}
          onSubmit={(e) => {
            e.preventDefault();
            void redeem(code);
          }}
          noValidate
        >
          <TextField
            label={t('tour.redeem.code')}
            hint={t('tour.redeem.hint')}
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="primary" disabled={pending}>
            {t('tour.redeem.submit')}
          </button>
        </form>
        <div aria-live="polite">
          <FormError message={formError} />
          {redeemed ? (
            <section className="notice tour-redeemed" role="status">
              <strong>{t('tour.redeem.ok', { reference: redeemed.reference })}</strong>
              <div>
                {redeemed.experienceTitle} · {redeemed.optionTitle}
              </div>
              <div>{redeemed.when}</div>
              <div>{redeemed.units.map((u) => `${u.title} × ${u.quantity}`).join(', ')}</div>
              {redeemed.redeemedAt ? <div className="muted">{formatDate(redeemed.redeemedAt, locale)}</div> : null}
            </section>
          ) : null}
        </div>
      </div>
    );
  },
};

/** The camera and its QR reader, shown only where the browser can read codes itself. */
function Camera({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useApp();
  const [supported, setSupported] = useState<boolean | null>(null);
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;
  useEffect(() => setSupported(!!detectorClass() && !!navigator.mediaDevices?.getUserMedia), []);
  useEffect(() => {
    if (!on) return;
    const Klass = detectorClass();
    if (!Klass) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let last = '';
    let stopped = false;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = new Klass({ formats: ['qr_code'] });
        timer = setInterval(async () => {
          const found = await detector.detect(video.current).catch(() => []);
          const value = found[0]?.rawValue;
          // The same code held in front of the camera is sent once.
          if (value && value !== last) {
            last = value;
            handler.current(value);
          }
        }, 400);
      } catch {
        setFailed(true);
        setOn(false);
      }
    })();
    return () => {
      stopped = true;
      clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [on]);
  if (supported === null) return null;
  if (!supported) return <p className="muted">{t('tour.redeem.cameraNone')}</p>;
  return (
    <div className="tour-camera">
      <button type="button" onClick={() => setOn(!on)}>
        {on ? t('tour.redeem.cameraStop') : t('tour.redeem.camera')}
      </button>
      {failed ? <p className="form-error">{t('tour.redeem.cameraDenied')}</p> : null}
      {on ? <video ref={video} muted playsInline aria-label={t('tour.redeem.video')} /> : null}
    </div>
  );
}
