// The category tree: seeded once (idempotently, by slug), read by sellers when listing a product
// and by buyers when browsing.
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { LocalizedText } from '../../platform/http.ts';
import { newId } from '../../platform/ids.ts';
import { invalid } from '../../platform/errors.ts';
import { categories } from './schema.ts';
import { THAI_SME_CATEGORIES, type CategorySeed } from './category-tree.ts';
import { localize } from './text.ts';
import { UUID } from './validation.ts';

export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  nameLang: Locale;
  nameI18n: LocalizedText;
  children: CategoryNode[];
}

export interface CategoryStep {
  id: string;
  slug: string;
  name: string;
  nameI18n: LocalizedText;
}

/**
 * Creates or updates the seeded categories, matched by slug: running it again changes nothing, and
 * a newer seed list renames or moves categories without changing their ids (products keep theirs).
 * Categories an operator added (slugs not in the list) are left alone.
 */
export async function seedCategories(db: Executor, tree: CategorySeed[] = THAI_SME_CATEGORIES): Promise<number> {
  let count = 0;
  await db.transaction(async (tx) => {
    const upsert = async (seeds: CategorySeed[], parentId: string | null): Promise<void> => {
      for (const [position, seed] of seeds.entries()) {
        const values = { parentId, nameTh: seed.th, nameZh: seed.zh, nameEn: seed.en, position };
        const [row] = await tx
          .insert(categories)
          .values({ id: newId(), slug: seed.slug, ...values })
          .onConflictDoUpdate({ target: categories.slug, set: values })
          .returning({ id: categories.id });
        count++;
        if (seed.children) await upsert(seed.children, row.id);
      }
    };
    await upsert(tree, null);
  });
  return count;
}

const textOf = (c: { nameTh: string; nameZh: string | null; nameEn: string | null }): LocalizedText => ({
  th: c.nameTh,
  zh: c.nameZh,
  en: c.nameEn,
});

/** The whole tree, siblings in their seeded order, names in the asked language (falling back to Thai). */
export async function categoryTree(db: Executor, locale: Locale): Promise<CategoryNode[]> {
  const rows = await db.select().from(categories).orderBy(asc(categories.position), asc(categories.slug));
  const nodes = new Map<string, CategoryNode>();
  for (const c of rows) {
    const { text, lang } = localize(textOf(c), locale);
    nodes.set(c.id, { id: c.id, slug: c.slug, name: text, nameLang: lang, nameI18n: textOf(c), children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const c of rows) {
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(c.id)!);
  }
  return roots;
}

/** From the top of the tree down to the category itself (breadcrumbs). */
export async function categoryPath(db: Executor, categoryId: string, locale: Locale): Promise<CategoryStep[]> {
  const rows = await queryRows<{
    id: string;
    slug: string;
    name_th: string;
    name_zh: string | null;
    name_en: string | null;
    depth: number;
  }>(
    db,
    sql`
    with recursive up as (
      select id, parent_id, slug, name_th, name_zh, name_en, 0 as depth from categories where id = ${categoryId}
      union all
      select c.id, c.parent_id, c.slug, c.name_th, c.name_zh, c.name_en, up.depth + 1
      from categories c join up on c.id = up.parent_id where up.depth < 20
    )
    select id, slug, name_th, name_zh, name_en, depth from up order by depth desc`,
  );
  return rows.map((r) => {
    const nameI18n = { th: r.name_th, zh: r.name_zh, en: r.name_en };
    return { id: r.id, slug: r.slug, name: localize(nameI18n, locale).text, nameI18n };
  });
}

/** Refuses a product category that does not exist. */
export async function requireCategory(db: Executor, categoryId: string, field = 'categoryId'): Promise<void> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!row) throw invalid(field, 'unknown');
}

/** A SQL condition "the product's category is `ref` (an id or a slug) or one of its descendants". */
export function inCategoryTree(productCategoryColumn: unknown, ref: string) {
  const root = UUID.test(ref) ? sql`id = ${ref}::uuid` : sql`slug = ${ref}`;
  return sql`${productCategoryColumn} in (
    with recursive down as (
      select id, 0 as depth from categories where ${root}
      union all
      select c.id, down.depth + 1 from categories c join down on c.parent_id = down.id where down.depth < 20
    )
    select id from down)`;
}
