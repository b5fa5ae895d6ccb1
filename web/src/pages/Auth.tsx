// Sign in and sign up. Both send the visitor on to where they were going (?next=).
import type { FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import type { Me, PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { FormError, PageTitle, TextField } from '../components/ui.tsx';
import '../messages/auth-cart.ts';

/** Only a path on this site, so ?next= cannot send anyone elsewhere. */
const safeNext = (next: string | null, fallback: string) => (next && /^\/(?!\/)/.test(next) ? next : fallback);

function useAfterSignIn(query: URLSearchParams) {
  const { api, setMe, href } = useApp();
  return async () => {
    const me = await api.get<Me>('/me').catch(() => null);
    setMe(me);
    // A full page load, so every part of the page (and the cart) is the signed-in one.
    window.location.assign(safeNext(query.get('next'), href('/')));
  };
}

export const signInPage: PageModule<null> = {
  head: (_d, { t }) => ({ title: t('auth.signInTitle'), noindex: true }),
  Page({ query }) {
    const { t, api, href } = useApp();
    const { errors, formError, pending, run } = useSubmit();
    const after = useAfterSignIn(query);
    const submit = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const v = formValues(e.currentTarget);
      const ok = await run(() =>
        api.send('POST', '/auth/sign-in', { identifier: v.identifier ?? '', password: v.password ?? '' }),
      );
      if (ok !== undefined) await after();
    };
    const next = query.get('next');
    return (
      <section className="narrow">
        <PageTitle>{t('auth.signInTitle')}</PageTitle>
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('auth.identifier')}
            name="identifier"
            autoComplete="username"
            required
            error={errors.identifier}
          />
          <TextField
            label={t('auth.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={errors.password}
          />
          <FormError message={formError} />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('auth.working') : t('auth.signIn')}
          </button>
        </form>
        <p>
          {t('auth.noAccount')}{' '}
          <a href={href('/signup') + (next ? `?next=${encodeURIComponent(next)}` : '')}>{t('auth.signUp')}</a>
        </p>
      </section>
    );
  },
};

export const signUpPage: PageModule<null> = {
  head: (_d, { t }) => ({ title: t('auth.signUpTitle'), noindex: true }),
  Page({ query }) {
    const { t, api, href, locale } = useApp();
    const { errors, formError, pending, run } = useSubmit();
    const after = useAfterSignIn(query);
    const submit = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const v = formValues(e.currentTarget);
      const ok = await run(() =>
        api.send('POST', '/auth/sign-up', {
          displayName: v.displayName ?? '',
          email: v.email,
          phone: v.phone,
          password: v.password ?? '',
          locale,
        }),
      );
      if (ok !== undefined) await after();
    };
    const next = query.get('next');
    return (
      <section className="narrow">
        <PageTitle>{t('auth.signUpTitle')}</PageTitle>
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('auth.displayName')}
            name="displayName"
            autoComplete="name"
            required
            error={errors.displayName}
          />
          <TextField
            label={`${t('auth.email')} ${t('common.optional')}`}
            name="email"
            type="email"
            autoComplete="email"
            error={errors.email}
          />
          <TextField
            label={`${t('auth.phone')} ${t('common.optional')}`}
            name="phone"
            type="tel"
            autoComplete="tel"
            hint={t('auth.phoneHint')}
            error={errors.phone}
          />
          <TextField
            label={t('auth.password')}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint={t('auth.passwordHint')}
            error={errors.password}
          />
          <FormError message={formError} />
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('auth.working') : t('auth.signUp')}
          </button>
        </form>
        <p>
          {t('auth.haveAccount')}{' '}
          <a href={href('/signin') + (next ? `?next=${encodeURIComponent(next)}` : '')}>{t('auth.signIn')}</a>
        </p>
      </section>
    );
  },
};
