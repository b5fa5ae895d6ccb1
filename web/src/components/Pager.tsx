import { useApp } from '../app/context.tsx';

/** Previous / next links that keep the other query parameters. */
export function Pager({ page, perPage, total }: { page: number; perPage: number; total: number }) {
  const { t, href, path, search } = useApp();
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  const to = (n: number) => {
    const q = new URLSearchParams(search);
    if (n === 1) q.delete('page');
    else q.set('page', String(n));
    const s = q.toString();
    return href(path) + (s ? `?${s}` : '');
  };
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      {page > 1 ? (
        <a href={to(page - 1)} rel="prev">
          {t('common.previous')}
        </a>
      ) : (
        <span />
      )}
      <span>{t('common.pageOf', { page, pages })}</span>
      {page < pages ? (
        <a href={to(page + 1)} rel="next">
          {t('common.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
