// The partner directory: search by service, province and words (a plain GET form, so it works
// before the scripts load); one partner with its contact, provinces and shops' reviews, and the
// review form for a member of a shop.
import { type FormEvent, useState } from 'react';
import { PROVINCES } from '../../../src/platform/provinces.ts';
import { useApp } from '../app/context.tsx';
import { pick } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextArea, TextField } from '../components/ui.tsx';
import type { Locale } from '../ssr-contract.ts';
import '../messages/trade.ts';
import './trade.css';

const KINDS = ['logistics', 'inspection', 'packaging', 'photography', 'training'] as const;
type Text3 = { th: string; zh: string; en: string };
interface Partner {
  id: string;
  slug: string;
  kind: (typeof KINDS)[number];
  name: Text3;
  description: Text3;
  provinces: string[];
  languages: Locale[];
  contact: { email?: string; phone?: string; website?: string };
  rating: { average: number; count: number };
}
interface PartnerPage extends Partner {
  reviews: { id: string; sellerId: string; rating: number; body: string; language: Locale; createdAt: string }[];
}
interface ListData {
  items: Partner[];
  service: string;
  province: string;
  q: string;
}

function Rating({ rating }: { rating: Partner['rating'] }) {
  const { t } = useApp();
  return (
    <p className="muted">
      {rating.count ? t('partners.reviews', { n: rating.count, avg: rating.average }) : t('partners.noReviews')}
    </p>
  );
}

const provinceName = (code: string, locale: Locale) => {
  const p = PROVINCES.find((x) => x.code === code);
  return p ? p[locale] : code;
};

export const partnersPage: PageModule<ListData> = {
  async load({ api, query }) {
    const service = query.get('service') ?? '';
    const province = query.get('province') ?? '';
    const q = query.get('q') ?? '';
    const search = new URLSearchParams();
    if (service) search.set('service', service);
    if (province) search.set('province', province);
    if (q) search.set('q', q);
    const { items } = await api.get<{ items: Partner[] }>(`/trade/partners?${search}`);
    return { items, service, province, q };
  },
  head: (_d, { t }) => ({ title: t('partners.title') }),
  Page({ data }) {
    const { t, href, locale } = useApp();
    return (
      <>
        <PageTitle>{t('partners.title')}</PageTitle>
        <p>{t('partners.intro')}</p>
        <form method="get" action={href('/trade/partners')} className="trade-card">
          <SelectField
            label={t('partners.service')}
            name="service"
            defaultValue={data.service}
            options={[
              { value: '', label: t('partners.all') },
              ...KINDS.map((k) => ({ value: k, label: t(`partners.service.${k}`) })),
            ]}
          />
          <SelectField
            label={t('partners.province')}
            name="province"
            defaultValue={data.province}
            options={[
              { value: '', label: t('partners.all') },
              ...PROVINCES.map((p) => ({ value: p.code, label: p[locale] })),
            ]}
          />
          <TextField label={t('partners.q')} name="q" defaultValue={data.q} maxLength={100} />
          <button type="submit">{t('partners.search')}</button>
        </form>
        {data.items.length ? (
          <ul className="trade-list">
            {data.items.map((p) => (
              <li key={p.id} className="trade-card">
                <h2>
                  <a href={href(`/trade/partners/${p.slug}`)}>{pick(p.name, locale)}</a>
                </h2>
                <p className="muted">{t(`partners.service.${p.kind}`)}</p>
                <p>{pick(p.description, locale)}</p>
                <p className="muted">{p.provinces.map((c) => provinceName(c, locale)).join(' · ')}</p>
                <Rating rating={p.rating} />
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('partners.none')}</Empty>
        )}
      </>
    );
  },
};

function ReviewForm({ slug }: { slug: string }) {
  const { t, api, me, locale, reload } = useApp();
  const shops = (me?.sellers ?? []).filter((s) => s.status === 'approved');
  const { errors, formError, pending, run } = useSubmit();
  const [sent, setSent] = useState(false);
  if (!shops.length) return null;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = formValues(e.currentTarget);
    const done = await run(() =>
      api.send('POST', `/sellers/${f.sellerId ?? shops[0].sellerId}/trade/partners/${slug}/reviews`, {
        rating: Number(f.rating ?? 0),
        body: f.body ?? '',
        language: locale,
      }),
    );
    if (done) {
      setSent(true);
      await reload();
    }
  };
  return (
    <form onSubmit={submit} className="trade-card" noValidate>
      <h2>{t('partners.review')}</h2>
      <FormError message={formError} />
      {shops.length > 1 ? (
        <SelectField
          label={t('partners.reviewAs')}
          name="sellerId"
          options={shops.map((s) => ({ value: s.sellerId, label: pick(s.shopName, locale) }))}
        />
      ) : null}
      <SelectField
        label={t('partners.rating')}
        name="rating"
        defaultValue="5"
        error={errors.rating}
        options={['5', '4', '3', '2', '1'].map((n) => ({ value: n, label: n }))}
      />
      <TextArea label={t('partners.comment')} name="body" required maxLength={2000} error={errors.body} />
      <button type="submit" disabled={pending || sent}>
        {t('partners.submitReview')}
      </button>
    </form>
  );
}

export const partnerPage: PageModule<PartnerPage> = {
  load: ({ api, params }) => api.get<PartnerPage>(`/trade/partners/${encodeURIComponent(params.slug)}`),
  head: (d, { locale }) => ({ title: pick(d.name, locale) }),
  Page({ data }) {
    const { t, href, locale } = useApp();
    const c = data.contact;
    return (
      <>
        <p>
          <a href={href('/trade/partners')}>{t('partners.title')}</a>
        </p>
        <PageTitle>{pick(data.name, locale)}</PageTitle>
        <p className="muted">{t(`partners.service.${data.kind}`)}</p>
        <p>{pick(data.description, locale)}</p>
        <p>
          {t('partners.province')}: {data.provinces.map((code) => provinceName(code, locale)).join(' · ')}
        </p>
        <section className="trade-card">
          <h2>{t('partners.contact')}</h2>
          {c.phone ? <p>{c.phone}</p> : null}
          {c.email ? (
            <p>
              <a href={`mailto:${c.email}`}>{c.email}</a>
            </p>
          ) : null}
          {c.website ? <p>{c.website}</p> : null}
        </section>
        <Rating rating={data.rating} />
        <ul className="trade-list">
          {data.reviews.map((r) => (
            <li key={r.id} className="trade-card" lang={r.language === 'zh' ? 'zh-Hans' : r.language}>
              <p>
                {'★'.repeat(r.rating)}
                {'☆'.repeat(5 - r.rating)} <span className="sr-only">{r.rating}/5</span>
              </p>
              <p>{r.body}</p>
            </li>
          ))}
        </ul>
        <ReviewForm slug={data.slug} />
      </>
    );
  },
};
