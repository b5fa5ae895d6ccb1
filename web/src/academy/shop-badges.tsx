// A shop's academy badges: the courses its members completed and chose to show, each linking to the
// credential's public verification page.
import { useApp } from '../app/context.tsx';
import '../messages/academy-badges.ts';

export interface ShopBadge {
  credentialId: string;
  courseId: string;
  title: string;
  verifyPath: string;
}

export function ShopBadges({ items }: { items: ShopBadge[] }) {
  const { t, href } = useApp();
  if (!items.length) return null;
  return (
    <section aria-labelledby="shop-academy-badges">
      <h2 id="shop-academy-badges">{t('academy.badges.title')}</h2>
      <ul
        className="academy-badges"
        style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}
      >
        {items.map((b) => (
          <li key={b.credentialId} data-badge={b.courseId}>
            <a href={href(`/academy/verify/${b.credentialId}`)}>🎓 {b.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
