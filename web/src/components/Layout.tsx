// The frame of every page: skip link, header (shop name, navigation, language, account), main, footer.
import { useApp } from '../app/context.tsx';
import { LOCALES, LOCALE_NAMES, HTML_LANG, localePath } from '../app/locale.ts';
import type { ReactNode } from 'react';
import { SearchBox } from './SearchBox.tsx';
import '../messages/common.ts';

export function Layout({ children }: { children: ReactNode }) {
  const { t, href, me, locale, path, search, cartCount, busy, api, setMe, navigate } = useApp();
  const isOperator = me?.roles.includes('operator');
  const signOut = async () => {
    await api.send('POST', '/auth/sign-out').catch(() => undefined);
    setMe(null);
    await navigate(href('/'));
  };
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="bar">
          <a className="brand" href={href('/')}>
            <span lang="th">ตลาด</span> <span className="brand-sub">Talad</span>
          </a>
          <SearchBox />
          <nav aria-label={t('nav.main')} className="nav">
            <a href={href('/products')}>{t('nav.products')}</a>
            <a href={href('/tours')}>{t('nav.tours')}</a>
            <a href={href('/trade')}>{t('nav.trade')}</a>
            <a href={href('/cart')}>
              {t('nav.cart')}
              {cartCount ? (
                <>
                  <span className="badge" aria-hidden="true">
                    {cartCount}
                  </span>
                  <span className="sr-only">{t('nav.cartCount', { n: cartCount })}</span>
                </>
              ) : null}
            </a>
            {me ? <a href={href('/orders')}>{t('nav.orders')}</a> : null}
            {me ? <a href={href('/account/sessions')}>{t('nav.account')}</a> : null}
            {me ? <a href={href('/seller')}>{t('nav.sellerCentre')}</a> : null}
            {isOperator ? <a href={href('/ops')}>{t('nav.console')}</a> : null}
            {me ? (
              <button type="button" className="link" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            ) : (
              <a href={href('/signin')}>{t('nav.signIn')}</a>
            )}
          </nav>
          <nav aria-label={t('nav.language')} className="langs">
            {LOCALES.map((l) =>
              l === locale ? (
                <span key={l} aria-current="true" lang={HTML_LANG[l]} className="lang current">
                  {LOCALE_NAMES[l]}
                </span>
              ) : (
                <a
                  key={l}
                  lang={HTML_LANG[l]}
                  hrefLang={HTML_LANG[l]}
                  className="lang"
                  href={`/lang/${l}?next=${encodeURIComponent(localePath(l, path) + search)}`}
                >
                  {LOCALE_NAMES[l]}
                </a>
              ),
            )}
          </nav>
        </div>
        {busy ? <div className="progress" role="progressbar" aria-label={t('common.loading')} /> : null}
      </header>
      <main id="main" aria-busy={busy}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer.tagline')}</p>
        {me ? <p>{t('footer.signedInAs', { name: me.displayName })}</p> : null}
      </footer>
    </>
  );
}
