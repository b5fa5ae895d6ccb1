// The pages shown when a path has no page, the visitor may not see it, or the server failed.
import { useApp } from '../app/context.tsx';
import type { PageModule } from '../app/router.ts';
import { PageTitle } from '../components/ui.tsx';

function errorPage(key: 'notFound' | 'forbidden' | 'server'): PageModule<null> {
  return {
    head: (_d, { t }) => ({ title: t(`error.${key}.title`), noindex: true }),
    Page() {
      const { t, href } = useApp();
      return (
        <section className="error-page">
          <PageTitle>{t(`error.${key}.title`)}</PageTitle>
          <p>{t(`error.${key}.body`)}</p>
          <p>
            <a href={href('/')}>{t('error.backHome')}</a>
          </p>
        </section>
      );
    },
  };
}

export const notFoundPage = errorPage('notFound');
export const forbiddenPage = errorPage('forbidden');
export const serverErrorPage = errorPage('server');
