// The search box in every page's header: a plain GET form (works without JavaScript) that, once
// hydrated, suggests categories, products and shops as the buyer types (ARIA combobox).
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { query } from '../app/api.ts';
import '../messages/search.ts';
import '../search.css';

export interface Suggestion {
  kind: 'category' | 'product' | 'shop';
  text: string;
  id: string;
  slug: string;
  shopSlug?: string;
}

export function SearchBox() {
  const { t, href, api, locale, navigate, path, search } = useApp();
  const typed = path === '/search' ? (new URLSearchParams(search).get('q') ?? '') : '';
  const [text, setText] = useState(typed);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useRef('');
  const id = useId();
  const listId = `${id}-list`;

  useEffect(() => setText(typed), [typed]);
  useEffect(() => {
    const q = text.trim();
    if (!q || q === typed.trim()) {
      setItems([]);
      return;
    }
    const timer = setTimeout(async () => {
      asked.current = q;
      try {
        const res = await api.get<{ suggestions: Suggestion[] }>(`/search/suggest${query({ q, lang: locale })}`);
        if (asked.current === q) {
          setItems(res.suggestions);
          setActive(-1);
          setOpen(true);
        }
      } catch {
        setItems([]);
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [text, api, locale, typed]);

  const target = (s: Suggestion) =>
    s.kind === 'product'
      ? href(`/p/${s.id}`)
      : s.kind === 'shop'
        ? href(`/shop/${s.slug}`)
        : href(`/search${query({ category: s.slug })}`);
  const go = (to: string) => {
    setOpen(false);
    void navigate(to);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (open && active >= 0 && items[active]) return go(target(items[active]));
    if (text.trim()) go(href(`/search${query({ q: text.trim() })}`));
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!items.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % items.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };
  const shown = open && items.length > 0;

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for the phones Talad serves; role=search says the same
    <form role="search" className="search-box" action={href('/search')} method="get" onSubmit={submit}>
      <label htmlFor={id} className="sr-only">
        {t('search.label')}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        value={text}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={keys}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      <button type="submit">{t('search.submit')}</button>
      {/* The ARIA 1.2 combobox pattern: a list box of options, focus stays in the input (aria-activedescendant). */}
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the listbox of the combobox pattern */}
      <ul id={listId} role="listbox" aria-label={t('search.suggestions')} className="suggestions" hidden={!shown}>
        {items.map((s, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: options take no focus in the combobox pattern (aria-activedescendant)
          <li
            key={`${s.kind}-${s.id}`}
            id={`${listId}-${i}`}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the listbox above
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              go(target(s));
            }}
          >
            <span className="suggestion-kind">{t(`search.kind.${s.kind}`)}</span> <span lang={undefined}>{s.text}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
