// The seller centre's experiences (/seller/<shop>/tourism): the shop's list and a form to offer one,
// and per experience (/seller/<shop>/tourism/experiences/<id>) its editor, seasons of slots, closures
// and the roster (each slot's bookings with people and status). Prices are typed in baht, kept in satang.
import { type FormEvent, useState } from 'react';
import { PROVINCES } from '../../../src/platform/provinces.ts';
import { useApp } from '../app/context.tsx';
import { formatDate, pick, provinceName } from '../app/i18n.ts';
import { NotFound, type PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextField } from '../components/ui.tsx';
import { bahtToSatang, satangToBaht } from '../seller/shared.tsx';
import './messages.ts';
import './tourism.css';

type T3 = { th: string; zh: string; en: string };
type UnitType = 'ADULT' | 'CHILD' | 'RESIDENT' | 'FOREIGNER';
interface Unit {
  id: string;
  type: UnitType;
  title: T3;
  priceSatang: number;
}
interface Option {
  id: string;
  title: T3;
  durationMinutes: number;
  units: Unit[];
}
export interface SellerExperience {
  id: string;
  provinceCode: string;
  title: T3;
  description: T3;
  options: Option[];
  meetingPoint: { lat: number; lng: number; address: T3; directions: T3 };
  guideLanguages: string[];
  inclusions: T3[];
  cancellation: { hoursBefore: number; refundPercent: number }[];
  cutoffMinutes: number;
}
interface RosterSlot {
  slotId: string;
  optionId: string;
  startsAt: string;
  capacity: number;
  taken: number;
  closed: boolean;
  bookings: {
    id: string;
    reference: string | null;
    status: string;
    places: number;
    units: Record<string, number>;
    contact: { name?: string; email?: string; phone?: string; fullName?: string } | null;
  }[];
}

const UNIT_TITLES: Record<UnitType, T3> = {
  ADULT: { th: 'ผู้ใหญ่', zh: '成人', en: 'Adult' },
  CHILD: { th: 'เด็ก', zh: '儿童', en: 'Child' },
  RESIDENT: { th: 'คนไทย', zh: '泰国公民', en: 'Thai national' },
  FOREIGNER: { th: 'ชาวต่างชาติ', zh: '外国游客', en: 'Foreigner' },
};
const UNIT_TYPES = Object.keys(UNIT_TITLES) as UnitType[];
const LANGS = ['th', 'zh', 'en'] as const;

function shopOf(me: Parameters<NonNullable<PageModule['load']>>[0]['me'], sellerId: string) {
  const m = me?.sellers.find((s) => s.sellerId === sellerId);
  if (!m) throw new NotFound();
  return m;
}

function Nav({ sellerId }: { sellerId: string }) {
  const { t, href, me, locale } = useApp();
  const shop = me?.sellers.find((s) => s.sellerId === sellerId);
  return (
    <p className="muted">
      <a href={href('/seller')}>{t('seller.title')}</a>
      {shop ? (
        <>
          {' › '}
          <a href={href(`/seller/${sellerId}/products`)}>{pick(shop.shopName, locale)}</a>
        </>
      ) : null}
      {' › '}
      <a href={href(`/seller/${sellerId}/tourism`)}>{t('tour.sc.title')}</a>
    </p>
  );
}

export const sellerExperiencesPage: PageModule<{ sellerId: string; items: SellerExperience[] }> = {
  access: 'user',
  async load({ params, me, api }) {
    shopOf(me, params.sellerId);
    const out = await api.get<{ items: SellerExperience[] }>(`/sellers/${params.sellerId}/tourism/experiences`);
    return { sellerId: params.sellerId, items: out.items };
  },
  head: (_d, { t }) => ({ title: t('tour.sc.title'), noindex: true }),
  Page({ data }) {
    const { t, href, locale, navigate, api } = useApp();
    const [adding, setAdding] = useState(data.items.length === 0);
    return (
      <div className="tour tour-seller">
        <Nav sellerId={data.sellerId} />
        <PageTitle>{t('tour.sc.title')}</PageTitle>
        <p>
          <a href={href(`/seller/${data.sellerId}/tourism/redeem`)}>{t('tour.redeem.title')}</a>
        </p>
        {data.items.length ? (
          <ul className="tour-cards">
            {data.items.map((e) => (
              <li key={e.id}>
                <a className="tour-card" href={href(`/seller/${data.sellerId}/tourism/experiences/${e.id}`)}>
                  <strong>{pick(e.title, locale)}</strong>
                  <span className="muted">{provinceName(e.provinceCode, locale)}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('tour.sc.none')}</Empty>
        )}
        {adding ? (
          <section aria-labelledby="tour-new">
            <h2 id="tour-new">{t('tour.sc.new')}</h2>
            <ExperienceForm
              submitLabel={t('tour.sc.create')}
              save={async (body) => {
                const out = await api.send<{ id: string }>(
                  'POST',
                  `/sellers/${data.sellerId}/tourism/experiences`,
                  body,
                );
                await navigate(href(`/seller/${data.sellerId}/tourism/experiences/${out.id}`));
              }}
            />
          </section>
        ) : (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            {t('tour.sc.new')}
          </button>
        )}
      </div>
    );
  },
};

/** The editor's state: texts per language, prices as typed baht; turned into the API's body on save. */
function draftOf(e?: SellerExperience) {
  const o = e?.options[0];
  return {
    provinceCode: e?.provinceCode ?? '',
    title: e?.title ?? { th: '', zh: '', en: '' },
    description: e?.description ?? { th: '', zh: '', en: '' },
    optionTitle: o?.title ?? { th: 'ครึ่งวัน', zh: '半天', en: 'Half day' },
    duration: String(o?.durationMinutes ?? 180),
    prices: Object.fromEntries(
      UNIT_TYPES.map((ty) => {
        const u = o?.units.find((x) => x.type === ty);
        return [ty, u ? satangToBaht(u.priceSatang) : ''];
      }),
    ) as Record<UnitType, string>,
    lat: String(e?.meetingPoint.lat ?? ''),
    lng: String(e?.meetingPoint.lng ?? ''),
    address: e?.meetingPoint.address ?? { th: '', zh: '', en: '' },
    directions: e?.meetingPoint.directions ?? { th: '', zh: '', en: '' },
    languages: e?.guideLanguages ?? ['th'],
    inclusion: e?.inclusions[0] ?? { th: '', zh: '', en: '' },
    full: String(e?.cancellation[0]?.hoursBefore ?? 48),
    half: String(e?.cancellation[1]?.hoursBefore ?? 24),
    cutoff: String(e?.cutoffMinutes ?? 120),
  };
}

function ExperienceForm({
  initial,
  save,
  submitLabel,
}: {
  initial?: SellerExperience;
  save: (body: object) => Promise<void>;
  submitLabel: string;
}) {
  const { t, locale } = useApp();
  const [d, setD] = useState(() => draftOf(initial));
  const { formError, pending, run, errors } = useSubmit();
  const [priceError, setPriceError] = useState<string | null>(null);
  const set = <K extends keyof typeof d>(k: K, v: (typeof d)[K]) => setD({ ...d, [k]: v });
  const text3 = (k: 'title' | 'description' | 'address' | 'directions' | 'inclusion' | 'optionTitle', label: string) =>
    LANGS.map((l) => (
      <TextField
        key={l}
        label={`${label} (${t(`tour.sc.lang.${l}`)})`}
        name={`${k}.${l}`}
        value={d[k][l]}
        required={l === 'th'}
        onChange={(ev) => set(k, { ...d[k], [l]: ev.target.value })}
      />
    ));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const units: Unit[] = [];
    for (const ty of UNIT_TYPES) {
      if (!d.prices[ty].trim()) continue;
      const satang = bahtToSatang(d.prices[ty]);
      if (satang === null) {
        setPriceError(t('tour.sc.badPrice', { unit: pick(UNIT_TITLES[ty], locale) }));
        return;
      }
      units.push({ id: ty.toLowerCase(), type: ty, title: UNIT_TITLES[ty], priceSatang: satang });
    }
    if (!units.length) {
      setPriceError(t('tour.sc.noUnit'));
      return;
    }
    setPriceError(null);
    const rest = initial?.options.slice(1) ?? [];
    const body = {
      provinceCode: d.provinceCode,
      title: d.title,
      description: d.description,
      options: [
        {
          id: initial?.options[0]?.id ?? 'main',
          title: d.optionTitle,
          durationMinutes: Number(d.duration) || 0,
          units,
        },
        ...rest,
      ],
      meetingPoint: { lat: Number(d.lat), lng: Number(d.lng), address: d.address, directions: d.directions },
      guideLanguages: d.languages,
      inclusions: d.inclusion.th.trim() ? [d.inclusion] : [],
      cancellation: [
        { hoursBefore: Number(d.full) || 0, refundPercent: 100 },
        { hoursBefore: Number(d.half) || 0, refundPercent: 50 },
      ],
      cutoffMinutes: Number(d.cutoff) || 0,
    };
    await run(() => save(body));
  };
  return (
    <form className="tour-sc-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('tour.sc.province')}
        name="provinceCode"
        value={d.provinceCode}
        placeholder=""
        error={errors['provinceCode']}
        options={PROVINCES.filter((p) => p.secondaryCity).map((p) => ({
          value: p.code,
          label: provinceName(p.code, locale),
        }))}
        onChange={(ev) => set('provinceCode', ev.target.value)}
      />
      {text3('title', t('tour.sc.name'))}
      {text3('description', t('tour.sc.description'))}
      <fieldset>
        <legend>{t('tour.exp.option')}</legend>
        {text3('optionTitle', t('tour.sc.optionTitle'))}
        <TextField
          label={t('tour.sc.duration')}
          name="duration"
          inputMode="numeric"
          value={d.duration}
          onChange={(ev) => set('duration', ev.target.value)}
        />
        {UNIT_TYPES.map((ty) => (
          <TextField
            key={ty}
            label={t('tour.sc.price', { unit: pick(UNIT_TITLES[ty], locale) })}
            hint={t('tour.sc.priceHint')}
            name={`price.${ty}`}
            inputMode="decimal"
            value={d.prices[ty]}
            onChange={(ev) => set('prices', { ...d.prices, [ty]: ev.target.value })}
          />
        ))}
        {priceError ? (
          <p className="form-error" role="alert">
            {priceError}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('tour.exp.meeting')}</legend>
        <TextField
          label={t('tour.sc.lat')}
          name="lat"
          inputMode="decimal"
          value={d.lat}
          onChange={(ev) => set('lat', ev.target.value)}
        />
        <TextField
          label={t('tour.sc.lng')}
          name="lng"
          inputMode="decimal"
          value={d.lng}
          onChange={(ev) => set('lng', ev.target.value)}
        />
        {text3('address', t('tour.sc.address'))}
        {text3('directions', t('tour.sc.directions'))}
      </fieldset>
      <fieldset>
        <legend>{t('tour.sc.languages')}</legend>
        {LANGS.map((l) => (
          <label key={l} className="check">
            <input
              type="checkbox"
              name={`lang.${l}`}
              checked={d.languages.includes(l)}
              onChange={(ev) =>
                set('languages', ev.target.checked ? [...d.languages, l] : d.languages.filter((x) => x !== l))
              }
            />{' '}
            {t(`tour.sc.lang.${l}`)}
          </label>
        ))}
      </fieldset>
      {text3('inclusion', t('tour.sc.inclusion'))}
      <fieldset>
        <legend>{t('tour.sc.policy')}</legend>
        <TextField
          label={t('tour.sc.full')}
          name="full"
          inputMode="numeric"
          value={d.full}
          onChange={(ev) => set('full', ev.target.value)}
        />
        <TextField
          label={t('tour.sc.half')}
          name="half"
          inputMode="numeric"
          value={d.half}
          onChange={(ev) => set('half', ev.target.value)}
        />
        <TextField
          label={t('tour.sc.cutoff')}
          name="cutoff"
          inputMode="numeric"
          value={d.cutoff}
          onChange={(ev) => set('cutoff', ev.target.value)}
        />
      </fieldset>
      <FormError message={formError} />
      <button type="submit" className="primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (day: string, n: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);

export const sellerExperiencePage: PageModule<{ sellerId: string; e: SellerExperience; roster: RosterSlot[] }> = {
  access: 'user',
  async load({ params, me, api }) {
    shopOf(me, params.sellerId);
    const list = await api.get<{ items: SellerExperience[] }>(`/sellers/${params.sellerId}/tourism/experiences`);
    const e = list.items.find((x) => x.id === params.id);
    if (!e) throw new NotFound();
    const from = today();
    const roster = await api.get<{ items: RosterSlot[] }>(
      `/tourism/experiences/${e.id}/roster?from=${from}&to=${plusDays(from, 90)}`,
    );
    return { sellerId: params.sellerId, e, roster: roster.items };
  },
  head: (d, { t, locale }) => ({ title: `${pick(d.e.title, locale)} · ${t('tour.sc.title')}`, noindex: true }),
  Page({ data }) {
    const { t, locale, api, reload } = useApp();
    const [saved, setSaved] = useState(false);
    const e = data.e;
    return (
      <div className="tour tour-seller">
        <Nav sellerId={data.sellerId} />
        <PageTitle>{pick(e.title, locale)}</PageTitle>
        <Roster slots={data.roster} e={e} />
        <Season e={e} />
        <details>
          <summary>{t('tour.sc.edit')}</summary>
          <ExperienceForm
            initial={e}
            submitLabel={t('tour.sc.save')}
            save={async (body) => {
              await api.send('PUT', `/tourism/experiences/${e.id}`, body);
              setSaved(true);
              await reload();
            }}
          />
          {saved ? (
            <p role="status" className="notice">
              {t('tour.sc.saved')}
            </p>
          ) : null}
        </details>
      </div>
    );
  },
};

function Season({ e }: { e: SellerExperience }) {
  const { t, locale, api, reload } = useApp();
  const [s, setS] = useState({
    optionId: e.options[0].id,
    from: plusDays(today(), 1),
    to: plusDays(today(), 30),
    times: '09:00, 13:00',
    capacity: '20',
    closed: [] as number[],
  });
  const [added, setAdded] = useState<number | null>(null);
  const { formError, pending, run, errors } = useSubmit();
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const out = await run(() =>
      api.send<{ slots: number }>('POST', `/tourism/experiences/${e.id}/seasons`, {
        optionId: s.optionId,
        from: s.from,
        to: s.to,
        times: s.times
          .split(/[,\s]+/)
          .map((x) => x.trim())
          .filter(Boolean)
          .map((x) => (x.length === 4 ? `0${x}` : x)),
        capacity: Number(s.capacity) || 0,
        closedWeekdays: s.closed,
      }),
    );
    if (out) {
      setAdded(out.slots);
      await reload();
    }
  };
  return (
    <section aria-labelledby="tour-season">
      <h2 id="tour-season">{t('tour.sc.season')}</h2>
      <form className="tour-sc-form" onSubmit={submit} noValidate>
        {e.options.length > 1 ? (
          <SelectField
            label={t('tour.exp.option')}
            name="optionId"
            value={s.optionId}
            options={e.options.map((o) => ({ value: o.id, label: pick(o.title, locale) }))}
            onChange={(ev) => setS({ ...s, optionId: ev.target.value })}
          />
        ) : null}
        <TextField
          label={t('tour.sc.from')}
          name="from"
          type="date"
          value={s.from}
          error={errors['from']}
          onChange={(ev) => setS({ ...s, from: ev.target.value })}
        />
        <TextField
          label={t('tour.sc.to')}
          name="to"
          type="date"
          value={s.to}
          error={errors['to']}
          onChange={(ev) => setS({ ...s, to: ev.target.value })}
        />
        <TextField
          label={t('tour.sc.times')}
          hint="09:00, 13:00"
          name="times"
          value={s.times}
          error={errors['times']}
          onChange={(ev) => setS({ ...s, times: ev.target.value })}
        />
        <TextField
          label={t('tour.sc.capacity')}
          name="capacity"
          inputMode="numeric"
          value={s.capacity}
          error={errors['capacity']}
          onChange={(ev) => setS({ ...s, capacity: ev.target.value })}
        />
        <fieldset>
          <legend>{t('tour.sc.closedDays')}</legend>
          {[0, 1, 2, 3, 4, 5, 6].map((w) => (
            <label key={w} className="check">
              <input
                type="checkbox"
                name={`closed.${w}`}
                checked={s.closed.includes(w)}
                onChange={(ev) =>
                  setS({ ...s, closed: ev.target.checked ? [...s.closed, w] : s.closed.filter((x) => x !== w) })
                }
              />{' '}
              {t(`tour.sc.weekday.${w}`)}
            </label>
          ))}
        </fieldset>
        <FormError message={formError} />
        <button type="submit" className="primary" disabled={pending}>
          {t('tour.sc.addSeason')}
        </button>
        {added !== null ? (
          <p role="status" className="notice">
            {t('tour.sc.added', { n: added })}
          </p>
        ) : null}
      </form>
    </section>
  );
}

function Roster({ slots, e }: { slots: RosterSlot[]; e: SellerExperience }) {
  const { t, locale, api, reload } = useApp();
  const { formError, run } = useSubmit();
  const unitTitle = (optionId: string, unitId: string) => {
    const u = e.options.find((o) => o.id === optionId)?.units.find((x) => x.id === unitId);
    return u ? pick(u.title, locale) : unitId;
  };
  const toggle = async (s: RosterSlot) => {
    await run(() => api.send('POST', `/tourism/slots/${s.slotId}/closure`, { closed: !s.closed }));
    await reload();
  };
  return (
    <section aria-labelledby="tour-roster">
      <h2 id="tour-roster">{t('tour.sc.roster')}</h2>
      <FormError message={formError} />
      {slots.length ? (
        <ul className="tour-roster">
          {slots.map((s) => (
            <li key={s.slotId}>
              <div className="tour-roster-head">
                <strong>
                  <time dateTime={s.startsAt}>{formatDate(s.startsAt, locale)}</time>
                </strong>{' '}
                <span>{t('tour.sc.taken', { taken: s.taken, capacity: s.capacity })}</span>
                {s.closed ? <span className="tour-status bk-CANCELLED"> {t('tour.status.CLOSED')}</span> : null}{' '}
                <button type="button" onClick={() => void toggle(s)}>
                  {s.closed ? t('tour.sc.reopen') : t('tour.sc.close')}
                </button>
              </div>
              {s.bookings.length ? (
                <ul>
                  {s.bookings.map((b) => (
                    <li key={b.id}>
                      <span className="mono">{b.reference}</span> · {t(`tour.bk.status.${b.status}`)} ·{' '}
                      {Object.entries(b.units)
                        .map(([u, n]) => `${unitTitle(s.optionId, u)} × ${n}`)
                        .join(', ')}
                      {b.contact ? (
                        <span className="muted">
                          {' '}
                          · {b.contact.name ?? b.contact.fullName ?? ''} {b.contact.phone ?? ''} {b.contact.email ?? ''}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t('tour.sc.noSlots')}</Empty>
      )}
    </section>
  );
}
