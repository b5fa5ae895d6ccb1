// The seller centre's academy (/seller/<id>/academy): whether the shop shows my completed courses
// as badges (off until turned on), the courses I completed, and what to learn next from the shop's
// gaps (no products on sale, titles without Chinese, ...).
import { useState } from 'react';
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle } from '../components/ui.tsx';
import '../messages/academy-learn.ts';

interface SellerAcademy {
  sellerId: string;
  showBadges: boolean;
  products: number;
  productsWithoutChinese: number;
  completed: { courseId: string; title: string; credentialId: string }[];
  suggestions: {
    gap: string;
    reason: string;
    courseId: string;
    lessonId: string | null;
    title: string;
    minutes: number | null;
    done: boolean;
    href: string;
  }[];
}

export const sellerAcademyPage: PageModule<SellerAcademy> = {
  access: 'user',
  load: ({ api, params }) => api.get<SellerAcademy>(`/sellers/${encodeURIComponent(params.sellerId)}/academy`),
  head: (_d, { t }) => ({ title: t('academy.seller.title'), noindex: true }),
  Page({ data }) {
    const { t, href, api } = useApp();
    const { formError, pending, run } = useSubmit();
    const [show, setShow] = useState(data.showBadges);
    const [saved, setSaved] = useState(false);
    const save = () =>
      run(async () => {
        const r = await api.send<{ showBadges: boolean }>('PUT', `/sellers/${data.sellerId}/academy/badges`, {
          showBadges: show,
        });
        setShow(r.showBadges);
        setSaved(true);
      });
    return (
      <div className="academy">
        <PageTitle>{t('academy.seller.title')}</PageTitle>
        <section className="academy-module">
          <h2>{t('academy.seller.suggestions')}</h2>
          <ul>
            {data.suggestions.map((s) => (
              <li key={s.gap} data-gap={s.gap}>
                <p>{s.reason}</p>
                <p>
                  <a href={s.href}>
                    {t('academy.seller.go')}: {s.title}
                  </a>
                  {s.minutes ? <span className="muted"> · {t('academy.minutes', { n: s.minutes })}</span> : null}
                  {s.done ? <span className="academy-done"> ✓ {t('academy.done')}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
        <section className="academy-module">
          <h2>{t('academy.seller.completed')}</h2>
          {data.completed.length ? (
            <ul className="academy-badges">
              {data.completed.map((c) => (
                <li key={c.courseId}>
                  <a href={href(`/academy/verify/${c.credentialId}`)}>🎓 {c.title}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('academy.seller.none')}</p>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setSaved(false);
              void save();
            }}
          >
            <label>
              <input type="checkbox" name="showBadges" checked={show} onChange={(e) => setShow(e.target.checked)} />{' '}
              {t('academy.seller.showBadges')}
            </label>
            <p>
              <button type="submit" disabled={pending}>
                {t('academy.seller.save')}
              </button>{' '}
              {saved ? <span role="status">{t('academy.seller.saved')}</span> : null}
            </p>
            <FormError message={formError} />
          </form>
        </section>
      </div>
    );
  },
};
