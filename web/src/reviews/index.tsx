// Reviews in the web app: the buyer reviews a delivered order's line (stars, text in her language,
// her own translation if she likes, up to 4 photos); the operator's queue of reported reviews, to
// hide or keep each with a reason, and the hidden ones, to restore.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import type { ReviewItem } from '../components/Reviews.tsx';
import { Empty, FormError, PageTitle, SelectField, TextArea } from '../components/ui.tsx';
import { ConsoleNav } from '../ops/index.tsx';
import { ShopNav } from '../seller/shared.tsx';
import type { OrderView } from '../pages/Orders.tsx';
import type { Locale } from '../ssr-contract.ts';
import '../messages/reviews.ts';

const LOCALES: Locale[] = ['th', 'zh', 'en'];

export const newReviewPage: PageModule<OrderView> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/orders/${encodeURIComponent(params.orderId)}`),
  head: (_d, { t }) => ({ title: t('reviews.newTitle'), noindex: true }),
  Page({ data }) {
    const { t, api, href, locale } = useApp();
    const { errors, formError, pending, run } = useSubmit();
    const [translate, setTranslate] = useState(false);
    const [posted, setPosted] = useState<{ productId: string } | null>(null);
    const lang = (l: string) => t(`reviews.lang.${l}`);
    const submit = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const v = formValues(form);
      const files = [...((form.elements.namedItem('photos') as HTMLInputElement).files ?? [])];
      const lineNo = Number(v.lineNo ?? 0);
      const done = await run(async () => {
        const r = await api.send<{ id: string }>('POST', '/reviews', {
          orderId: data.id,
          lineNo,
          rating: Number(v.rating ?? 0),
          body: v.body ?? '',
          language: locale,
          translation:
            translate && v.translation ? { language: v.translationLanguage as Locale, body: v.translation } : null,
        });
        for (const file of files) {
          const body = new FormData();
          body.append('file', file);
          const res = await fetch(`/api/reviews/${r.id}/photos`, {
            method: 'POST',
            body,
            headers: { 'accept-language': locale },
          });
          if (!res.ok) throw new ApiError(res.status, await res.json());
        }
        return r;
      });
      if (done) setPosted({ productId: data.lines[lineNo]?.productId ?? '' });
    };
    if (posted)
      return (
        <div className="notice" role="status">
          <PageTitle>{t('reviews.posted')}</PageTitle>
          <p>
            <a href={href(`/p/${posted.productId}`)}>{t('reviews.seeOnProduct')}</a>
          </p>
        </div>
      );
    return (
      <>
        <PageTitle>{t('reviews.newTitle')}</PageTitle>
        <p className="muted">{t('reviews.order', { number: data.number })}</p>
        <form onSubmit={submit} noValidate>
          <SelectField
            label={t('reviews.line')}
            name="lineNo"
            error={errors.lineNo}
            options={data.lines.map((l, i) => ({ value: String(i), label: `${l.title} × ${l.quantity}` }))}
          />
          <fieldset>
            <legend>{t('reviews.rating')}</legend>
            {[5, 4, 3, 2, 1].map((n) => (
              <label key={n} className="variant">
                <input type="radio" name="rating" value={n} defaultChecked={n === 5} /> {'★'.repeat(n)}{' '}
                <span className="muted">{t('reviews.stars', { n })}</span>
              </label>
            ))}
            {errors.rating ? <p className="error">{errors.rating}</p> : null}
          </fieldset>
          <TextArea label={t('reviews.body')} name="body" rows={4} lang={locale} error={errors.body} />
          <label className="trade-check">
            <input type="checkbox" checked={translate} onChange={(e) => setTranslate(e.currentTarget.checked)} />{' '}
            {t('reviews.addTranslation')}
          </label>
          {translate ? (
            <>
              <SelectField
                label={t('reviews.translationLanguage')}
                name="translationLanguage"
                defaultValue={locale === 'zh' ? 'th' : 'zh'}
                options={LOCALES.filter((l) => l !== locale).map((l) => ({ value: l, label: lang(l) }))}
                error={errors['translation.language']}
              />
              <TextArea label={t('reviews.translation')} name="translation" rows={3} />
            </>
          ) : null}
          <div className="field">
            <label htmlFor="review-photos">{t('reviews.photos')}</label>
            <input id="review-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple />
            {errors.file ? <p className="error">{errors.file}</p> : null}
          </div>
          <FormError message={formError} />
          <button type="submit" className="primary" disabled={pending}>
            {t('reviews.submit')}
          </button>
        </form>
      </>
    );
  },
};

type Reported = ReviewItem & {
  productId: string;
  status: 'published' | 'hidden';
  reports: { reason: string; at: string }[];
  history: { action: string; reason: string; at: string }[];
};
type Hidden = ReviewItem & {
  productId: string;
  status: 'published' | 'hidden';
  moderationReason: string | null;
  moderatedAt: string | null;
};

/** A review as the operator reads it: stars, the original text (and the translation), its photos. */
function ReviewForOperator({ r }: { r: ReviewItem & { productId: string } }) {
  const { t, href } = useApp();
  return (
    <>
      <p>
        {'★'.repeat(r.rating)} <span className="muted">{t('reviews.stars', { n: r.rating })}</span> ·{' '}
        <a href={href(`/p/${r.productId}`)}>{t('reviews.product')}</a>
      </p>
      <p lang={r.original.language}>{r.original.body}</p>
      <p className="muted">{t('reviews.original', { lang: t(`reviews.lang.${r.original.language}`) })}</p>
      {r.translation ? <p lang={r.translation.language}>{r.translation.body}</p> : null}
      {r.photos.length ? (
        <div className="review-photos">
          {r.photos.map((p, i) => (
            <img key={p.id} src={p.url} alt={t('reviews.photo', { n: i + 1 })} width={96} height={96} />
          ))}
        </div>
      ) : null}
    </>
  );
}

export const opsReviewsPage: PageModule<{ items: Reported[]; hidden: Hidden[] }> = {
  access: 'operator',
  load: ({ api }) => api.get('/operator/reviews/reports'),
  head: (_d, { t }) => ({ title: t('reviews.opsTitle'), noindex: true }),
  Page({ data }) {
    const { t, api, locale, reload } = useApp();
    const { errors, formError, pending, run } = useSubmit();
    const [saved, setSaved] = useState(false);
    const moderate = async (id: string, form: HTMLFormElement, action: 'hide' | 'restore') => {
      setSaved(false);
      const v = formValues(form);
      const done = await run(async () => {
        await api.send('POST', `/operator/reviews/${id}/moderation`, { action, reason: v.reason ?? '' });
        return true; // a 204 has no body
      });
      if (done) {
        setSaved(true);
        await reload();
      }
    };
    const reasonForm = (id: string, actions: ['hide' | 'restore', string][]) => (
      <form noValidate onSubmit={(e) => e.preventDefault()}>
        <TextArea label={t('reviews.moderationReason')} name="reason" rows={2} required error={errors.reason} />
        {actions.map(([action, label]) => (
          <button
            key={action}
            type="button"
            disabled={pending}
            onClick={(e) => void moderate(id, e.currentTarget.form as HTMLFormElement, action)}
          >
            {t(label)}
          </button>
        ))}
      </form>
    );
    return (
      <>
        <ConsoleNav current="reviews" />
        <PageTitle>{t('reviews.opsTitle')}</PageTitle>
        <FormError message={formError} />
        {saved ? (
          <p className="ok" role="status">
            {t('reviews.done')}
          </p>
        ) : null}
        {data.items.length ? null : <Empty>{t('reviews.opsNone')}</Empty>}
        {data.items.map((r) => (
          <section key={r.id} className="card" data-testid="reported-review">
            <ReviewForOperator r={r} />
            <p>
              <strong>{t('reviews.reports', { n: r.reports.length })}</strong>
            </p>
            <ul>
              {r.reports.map((o) => (
                <li key={`${o.at}-${o.reason}`}>
                  {o.reason} · <span className="muted">{formatDate(o.at, locale)}</span>
                </li>
              ))}
            </ul>
            {r.history.length ? (
              <ul className="muted">
                {r.history.map((h) => (
                  <li key={h.at}>
                    {t(h.action === 'hide' ? 'reviews.hide' : 'reviews.restore')} · {h.reason} ·{' '}
                    {formatDate(h.at, locale)}
                  </li>
                ))}
              </ul>
            ) : null}
            {reasonForm(
              r.id,
              r.status === 'hidden'
                ? [['restore', 'reviews.restore']]
                : [
                    ['hide', 'reviews.hide'],
                    ['restore', 'reviews.keep'],
                  ],
            )}
          </section>
        ))}
        {data.hidden.length ? <h2>{t('reviews.hidden')}</h2> : null}
        {data.hidden.map((r) => (
          <section key={r.id} className="card" data-testid="hidden-review">
            <ReviewForOperator r={r} />
            {r.moderationReason ? <p>{t('reviews.hiddenBecause', { reason: r.moderationReason })}</p> : null}
            {reasonForm(r.id, [['restore', 'reviews.restore']])}
          </section>
        ))}
      </>
    );
  },
};

/** A shop's reviews: each as buyers see it, with the one public reply the shop may write. */
export const shopReviewsPage: PageModule<{ items: Hidden[] }> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/sellers/${encodeURIComponent(params.sellerId)}/reviews`),
  head: (_d, { t }) => ({ title: t('reviews.shopTitle'), noindex: true }),
  Page({ data, params }) {
    const { t, api, reload } = useApp();
    const { errors, formError, pending, run } = useSubmit();
    const reply = async (id: string, e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const v = formValues(e.currentTarget);
      const done = await run(async () => {
        await api.send('POST', `/reviews/${id}/reply`, { text: v.text ?? '' });
        return true; // a 204 has no body
      });
      if (done) await reload();
    };
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="reviews" />
        <PageTitle>{t('reviews.shopTitle')}</PageTitle>
        <FormError message={formError} />
        {data.items.length ? null : <Empty>{t('reviews.none')}</Empty>}
        {data.items.map((r) => (
          <section key={r.id} className="card" data-testid="shop-review">
            <ReviewForOperator r={r} />
            {r.moderationReason && r.status === 'hidden' ? (
              <p className="note">{t('reviews.isHidden', { reason: r.moderationReason })}</p>
            ) : null}
            {r.reply ? (
              <blockquote className="review-reply">
                <p className="muted">{t('reviews.shopReply')}</p>
                <p>{r.reply}</p>
              </blockquote>
            ) : (
              <form noValidate onSubmit={(e) => void reply(r.id, e)}>
                <TextArea label={t('reviews.reply')} name="text" rows={2} error={errors.text} />
                <button type="submit" disabled={pending}>
                  {t('reviews.sendReply')}
                </button>
              </form>
            )}
          </section>
        ))}
      </>
    );
  },
};
