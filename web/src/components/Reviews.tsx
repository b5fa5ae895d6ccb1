// A product's reviews as a reader sees them: stars, the buyer's photos, the shop's one reply and the
// text. A review written in another language shows the translation into the reader's language when
// there is one, marked "translated" with who made it, and the original one tap away; with none, the
// original, marked with its language. The original is never replaced.
import { type FormEvent, useState } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import type { Locale } from '../ssr-contract.ts';
import { FormError, TextArea } from './ui.tsx';
import '../messages/reviews.ts';

export interface ReviewItem {
  id: string;
  rating: number;
  original: { language: Locale; body: string };
  translation: { language: Locale; body: string; translatedBy: string } | null;
  shown: 'original' | 'translation';
  otherLanguage: boolean;
  photos: { id: string; url: string }[];
  reply: string | null;
  createdAt: string;
}
export interface ProductReviewsData {
  rating: { average: number | null; count: number };
  items: ReviewItem[];
}

export const loadReviews = (api: { get<T>(path: string): Promise<T> }, productId: string) =>
  api.get<ProductReviewsData>(`/products/${productId}/reviews`).catch(() => null);

function Stars({ n }: { n: number }) {
  const { t } = useApp();
  return (
    <span className="stars" role="img" aria-label={t('reviews.stars', { n })}>
      {'★'.repeat(n)}
      <span className="muted">{'☆'.repeat(5 - n)}</span>
    </span>
  );
}

/** The text of a review with its marker: translated (by whom, from which language) or original. */
function ReviewText({ r }: { r: ReviewItem }) {
  const { t } = useApp();
  const [original, setOriginal] = useState(r.shown === 'original');
  const lang = (l: string) => t(`reviews.lang.${l}`);
  const text = original || !r.translation ? r.original : r.translation;
  return (
    <div className="review-text">
      <p lang={text.language}>{text.body}</p>
      <p className="muted review-marker" data-testid="review-marker">
        {r.translation && !original
          ? r.translation.translatedBy === 'author'
            ? t('reviews.translatedByAuthor', { lang: lang(r.original.language) })
            : t('reviews.translatedBy', { by: r.translation.translatedBy, lang: lang(r.original.language) })
          : r.otherLanguage
            ? `${t('reviews.original', { lang: lang(r.original.language) })}${r.translation ? '' : ` · ${t('reviews.noTranslation')}`}`
            : null}
        {r.translation ? (
          <>
            {' '}
            <button type="button" className="link" onClick={() => setOriginal(!original)}>
              {original ? t('reviews.showTranslation') : t('reviews.showOriginal')}
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}

function ReportForm({ reviewId }: { reviewId: string }) {
  const { t, api } = useApp();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const { errors, formError, pending, run } = useSubmit();
  if (sent) return <p className="ok">{t('reviews.reported')}</p>;
  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        {t('reviews.report')}
      </button>
    );
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = formValues(e.currentTarget);
    const done = await run(async () => {
      await api.send('POST', `/reviews/${reviewId}/reports`, { text: v.text ?? '' });
      return true; // a 204 has no body
    });
    if (done) setSent(true);
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextArea label={t('reviews.reportReason')} name="text" rows={2} error={errors.text} />
      <FormError message={formError} />
      <button type="submit" disabled={pending}>
        {t('reviews.report')}
      </button>
    </form>
  );
}

export function ProductReviews({ data }: { data: ProductReviewsData | null }) {
  const { t, locale, me } = useApp();
  if (!data) return null;
  return (
    <section className="reviews" aria-labelledby="reviews-title" data-testid="reviews">
      <h2 id="reviews-title">{t('reviews.title')}</h2>
      {data.rating.count && data.rating.average !== null ? (
        <p>{t('reviews.summary', { avg: data.rating.average.toFixed(1), n: data.rating.count })}</p>
      ) : (
        <p className="muted">{t('reviews.none')}</p>
      )}
      <ol className="plain review-list">
        {data.items.map((r) => (
          <li key={r.id} className="review" data-review-id={r.id}>
            <p>
              <Stars n={r.rating} /> <span className="muted">{formatDate(r.createdAt, locale)}</span>
            </p>
            <ReviewText r={r} />
            {r.photos.length ? (
              <div className="review-photos">
                {r.photos.map((p, i) => (
                  <a key={p.id} href={p.url}>
                    <img src={p.url} alt={t('reviews.photo', { n: i + 1 })} loading="lazy" width={96} height={96} />
                  </a>
                ))}
              </div>
            ) : null}
            {r.reply ? (
              <blockquote className="review-reply">
                <p className="muted">{t('reviews.shopReply')}</p>
                <p>{r.reply}</p>
              </blockquote>
            ) : null}
            {me ? <ReportForm reviewId={r.id} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
