// A shop's products: the list with the translation status per language, and the product editor
// (texts in three languages, variants with price and stock, photos, publishing).
import { useState, type FormEvent } from 'react';
import { PROVINCES } from '../../../src/platform/provinces.ts';
import { ApiError } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import { NotFound, type PageModule } from '../app/router.ts';
import type { CategoryNode, I18nText, Page } from '../app/shapes.ts';
import { useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, Price, SelectField, TextArea, TextField } from '../components/ui.tsx';
import { bahtToSatang, satangToBaht, ShopNav } from './shared.tsx';
import { CrossBorderTerms } from './cross-border.tsx';
import '../messages/seller.ts';

type Localized = { th: string; zh: string | null; en: string | null };
interface SellerVariant {
  id: string;
  sku: string;
  gtin: string | null;
  optionValues: Localized[];
  priceSatang: number;
  weightGrams: number;
  active: boolean;
}
interface SellerImage {
  id: string;
  url: string;
  thumbnailUrl: string;
  alt: string | null;
}
interface SellerProductSummary {
  id: string;
  slug: string;
  status: 'draft' | 'active' | 'archived';
  title: Localized;
  minPriceSatang: number | null;
  missingLanguages: ('zh' | 'en')[];
  updatedAt: string;
  thumbnailUrl: string | null;
}
interface SellerProduct extends SellerProductSummary {
  categoryId: string;
  description: Localized;
  optionNames: Localized[];
  hsCode: string | null;
  originProvinceCode: string;
  perishable: boolean;
  shelfLifeDays: number | null;
  variants: SellerVariant[];
  images: SellerImage[];
}
interface StockLine {
  variantId: string;
  onHand: number;
  available: number;
}

export function TranslationStatus({ missing }: { missing: string[] }) {
  const { t } = useApp();
  return (
    <span className="lang-status">
      {(['zh', 'en'] as const).map((l) =>
        missing.includes(l) ? (
          <span key={l} className="lang-missing">
            ✗ {t('products.missing', { lang: t(`lang.${l}`) })}
          </span>
        ) : (
          <span key={l} className="lang-ok">
            ✓ {t('products.translated', { lang: t(`lang.${l}`) })}
          </span>
        ),
      )}
    </span>
  );
}

export const productsPage: PageModule<Page<SellerProductSummary>> = {
  access: 'user',
  load: ({ api, params, query }) =>
    api.get(`/sellers/${params.sellerId}/products?perPage=50&page=${Number(query.get('page')) || 1}`),
  head: (_d, { t }) => ({ title: t('products.title'), noindex: true }),
  Page({ data, params }) {
    const { t, href, locale } = useApp();
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="products" />
        <PageTitle>{t('products.title')}</PageTitle>
        <p>
          <a className="button primary" href={href(`/seller/${params.sellerId}/products/new`)}>
            {t('products.new')}
          </a>
        </p>
        {data.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('cart.item')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('product.price')}</th>
                  <th scope="col">{t('products.translations')}</th>
                  <th scope="col">{t('common.date')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <a href={href(`/seller/${params.sellerId}/products/${p.id}`)}>{p.title.th}</a>
                    </td>
                    <td>
                      <span className={`status status-${p.status}`}>{t(`products.status.${p.status}`)}</span>
                    </td>
                    <td>{p.minPriceSatang !== null ? <Price satang={p.minPriceSatang} /> : '—'}</td>
                    <td>
                      <TranslationStatus missing={p.missingLanguages} />
                    </td>
                    <td>{formatDate(p.updatedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>{t('products.empty')}</Empty>
        )}
      </>
    );
  },
};

interface EditData {
  categories: { id: string; name: string; depth: number }[];
  product: SellerProduct | null;
  stock: Record<string, number>;
}

const flatten = (nodes: CategoryNode[], depth = 0): EditData['categories'] =>
  nodes.flatMap((n) => [{ id: n.id, name: n.name, depth }, ...flatten(n.children, depth + 1)]);

/** The named fields of a form; blank ones are left out. */
function fields(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => {
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  });
  return out;
}
const text3 = (f: Record<string, string>, key: string): I18nText => ({
  th: f[`${key}.th`] ?? '',
  zh: f[`${key}.zh`] ?? null,
  en: f[`${key}.en`] ?? null,
});

function TextTriple({
  name,
  labels,
  value,
  errors,
  multiline,
}: {
  name: string;
  labels: [string, string, string];
  value?: Localized;
  errors: Record<string, string>;
  multiline?: boolean;
}) {
  const Field = multiline ? TextArea : TextField;
  return (
    <>
      <Field
        label={labels[0]}
        name={`${name}.th`}
        lang="th"
        required
        defaultValue={value?.th ?? ''}
        error={errors[`${name}.th`]}
        rows={multiline ? 4 : undefined}
      />
      <Field
        label={labels[1]}
        name={`${name}.zh`}
        lang="zh-Hans"
        defaultValue={value?.zh ?? ''}
        error={errors[`${name}.zh`]}
        rows={multiline ? 4 : undefined}
      />
      <Field
        label={labels[2]}
        name={`${name}.en`}
        lang="en"
        defaultValue={value?.en ?? ''}
        error={errors[`${name}.en`]}
        rows={multiline ? 4 : undefined}
      />
    </>
  );
}

function VariantFields({
  prefix,
  variant,
  stock,
  errors,
}: {
  prefix: string;
  variant?: SellerVariant;
  stock?: number;
  errors: Record<string, string>;
}) {
  const { t } = useApp();
  const o = variant?.optionValues[0];
  return (
    <div className="row">
      <TextField
        label={t('product.sku')}
        name={`${prefix}.sku`}
        required
        defaultValue={variant?.sku}
        error={errors[`${prefix}.sku`]}
      />
      <TextField
        label={t('product.priceBaht')}
        name={`${prefix}.priceSatang`}
        inputMode="decimal"
        required
        defaultValue={variant ? satangToBaht(variant.priceSatang) : ''}
        error={errors[`${prefix}.priceSatang`]}
      />
      <TextField
        label={t('product.optionTh')}
        name={`${prefix}.optionValues.0.th`}
        lang="th"
        defaultValue={o?.th ?? ''}
        error={errors[`${prefix}.optionValues.0.th`] ?? errors[`${prefix}.optionValues`]}
      />
      <TextField
        label={`${t('product.optionZh')} ${t('common.optional')}`}
        name={`${prefix}.optionValues.0.zh`}
        lang="zh-Hans"
        defaultValue={o?.zh ?? ''}
      />
      <TextField
        label={`${t('product.optionEn')} ${t('common.optional')}`}
        name={`${prefix}.optionValues.0.en`}
        lang="en"
        defaultValue={o?.en ?? ''}
      />
      <TextField
        label={t('product.weight')}
        name={`${prefix}.weightGrams`}
        inputMode="numeric"
        required
        defaultValue={variant ? String(variant.weightGrams) : ''}
        error={errors[`${prefix}.weightGrams`]}
      />
      <TextField
        label={t('product.stock')}
        name={`${prefix}.stock`}
        inputMode="numeric"
        defaultValue={stock !== undefined ? String(stock) : '0'}
        error={errors[`${prefix}.stock`]}
      />
    </div>
  );
}

/** A variant's fields as the API takes them; the price typed in baht, the stock kept apart. */
function variantBody(
  f: Record<string, string>,
  prefix: string,
  errors: Record<string, string>,
  t: (k: string) => string,
) {
  const typedPrice = f[`${prefix}.priceSatang`] ?? '';
  const price = bahtToSatang(typedPrice);
  if (price === null) errors[`${prefix}.priceSatang`] = t(typedPrice.trim() ? 'field.money' : 'field.required');
  const stock = f[`${prefix}.stock`] ?? '0';
  if (!/^\d+$/.test(stock)) errors[`${prefix}.stock`] = t('field.wholeNumber');
  const option = text3(f, `${prefix}.optionValues.0`);
  return {
    body: {
      sku: f[`${prefix}.sku`] ?? '',
      priceSatang: price ?? 0,
      // Left empty, the weight is not sent: the server says it is required.
      ...(f[`${prefix}.weightGrams`] ? { weightGrams: Number(f[`${prefix}.weightGrams`]) } : {}),
      ...(option.th ? { optionValues: [option] } : {}),
    },
    stock: Number(stock),
  };
}

/**
 * Runs a call and adds the errors the page found itself: they win for their fields, and the
 * server's complaint about a field the page left out on purpose (`omitted`) is dropped. With page
 * errors and no server error, the call still fails with the page's errors.
 */
async function withPageErrors<T>(
  pageErrors: Record<string, string>,
  omitted: string,
  call: () => Promise<T>,
): Promise<T> {
  const own = Object.entries(pageErrors).map(([field, detail]) => ({ field, code: 'invalid', detail }));
  let result: T;
  try {
    result = await call();
  } catch (err) {
    if (!(err instanceof ApiError) || !own.length) throw err;
    const server = (err.problem.errors ?? []).filter(
      (e) => !(e.field in pageErrors) && !(e.field === omitted && !(omitted in pageErrors)),
    );
    throw new ApiError(err.status, { ...err.problem, errors: [...server, ...own] });
  }
  if (own.length)
    throw new ApiError(422, { status: 422, code: 'validation_failed', detail: own[0].detail, errors: own });
  return result;
}

/** Runs a call whose field errors name a variant's fields ("priceSatang", "onHand"), as the form's "<prefix>.priceSatang". */
async function fieldsUnder<T>(prefix: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const rename = (f: string) => `${prefix}.${f === 'onHand' || f === 'delta' ? 'stock' : f}`;
    throw new ApiError(err.status, {
      ...err.problem,
      errors: (err.problem.errors ?? []).map((x) => ({ ...x, field: rename(x.field) })),
    });
  }
}

export const productEditPage: PageModule<EditData> = {
  access: 'user',
  async load({ api, params }) {
    const isNew = params.productId === 'new';
    const [tree, product, stock] = await Promise.all([
      api.get<CategoryNode[]>('/categories'),
      isNew
        ? Promise.resolve(null)
        : api.get<SellerProduct>(`/sellers/${params.sellerId}/products/${params.productId}`),
      isNew ? Promise.resolve({ items: [] }) : api.get<{ items: StockLine[] }>(`/sellers/${params.sellerId}/stock`),
    ]);
    if (!isNew && !product) throw new NotFound();
    return {
      categories: flatten(tree),
      product,
      stock: Object.fromEntries(stock.items.map((s) => [s.variantId, s.onHand])),
    };
  },
  head: (d, { t }) => ({
    title: d.product ? `${t('product.editTitle')}: ${d.product.title.th}` : t('product.newTitle'),
    noindex: true,
  }),
  Page({ data, params }) {
    const { t, locale, api, href, navigate } = useApp();
    const [product, setProduct] = useState(data.product);
    const [stock, setStock] = useState(data.stock);
    const [saved, setSaved] = useState<string | null>(null);
    const main = useSubmit();
    const variantForms = useSubmit();
    const base = `/sellers/${params.sellerId}/products`;

    const saveProduct = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      setSaved(null);
      const f = fields(e.currentTarget);
      const localErrors: Record<string, string> = {};
      const fieldsBody = {
        categoryId: f.categoryId ?? '',
        title: text3(f, 'title'),
        description: text3(f, 'description'),
        originProvinceCode: f.originProvinceCode ?? '',
        hsCode: f.hsCode ?? null,
        perishable: f.perishable === 'on',
        shelfLifeDays: f.shelfLifeDays ? Number(f.shelfLifeDays) : null,
        optionNames: [{ th: 'ตัวเลือก', zh: '规格', en: 'Option' }],
      };
      if (product) {
        const { optionNames: _unchanged, ...patch } = fieldsBody;
        const updated = await main.run(() => api.send<SellerProduct>('PATCH', `${base}/${product.id}`, patch));
        if (updated) {
          setProduct(updated);
          setSaved(t('common.saved'));
        }
        return;
      }
      const first = variantBody(f, 'variants.0', localErrors, t);
      const localOnly = Object.keys(localErrors).length > 0;
      const created = await main.run(async () => {
        // With a price or stock the page already refuses, the server is still asked (without the
        // price, so it cannot create anything) to name every other field's error at once.
        const { priceSatang: _price, ...unpriced } = first.body;
        const variant = localOnly ? unpriced : first.body;
        const p = await withPageErrors(localErrors, `variants.0.priceSatang`, () =>
          api.send<SellerProduct>('POST', base, { ...fieldsBody, variants: [variant] }),
        );
        if (first.stock > 0)
          await api.send('PUT', `/sellers/${params.sellerId}/stock/${p.variants[0].id}`, { onHand: first.stock });
        return p;
      });
      if (created) await navigate(href(`/seller/${params.sellerId}/products/${created.id}`), { replace: true });
    };

    const saveVariant = async (e: FormEvent<HTMLFormElement>, variant: SellerVariant | null) => {
      e.preventDefault();
      if (!product) return;
      const form = e.currentTarget;
      setSaved(null);
      const prefix = variant ? `v${variant.id}` : 'new';
      const errors: Record<string, string> = {};
      const v = variantBody(fields(form), prefix, errors, t);
      if (Object.keys(errors).length) {
        variantForms.setErrors(errors);
        return;
      }
      const result = await variantForms.run(() =>
        fieldsUnder(prefix, async () => {
          const p = variant
            ? await api.send<SellerProduct>('PATCH', `${base}/${product.id}/variants/${variant.id}`, v.body)
            : await api.send<SellerProduct>('POST', `${base}/${product.id}/variants`, v.body);
          const target = variant ?? p.variants.find((x) => x.sku === v.body.sku);
          if (target) await api.send('PUT', `/sellers/${params.sellerId}/stock/${target.id}`, { onHand: v.stock });
          return { p, stockFor: target?.id };
        }),
      );
      if (result) {
        setProduct(result.p);
        if (result.stockFor) setStock({ ...stock, [result.stockFor]: v.stock });
        setSaved(t('common.saved'));
        if (!variant) form.reset();
      }
    };

    const upload = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      if (!product) return;
      const form = e.currentTarget;
      const body = new FormData(form);
      const updated = await main.run(async () => {
        const res = await fetch(`/api${base}/${product.id}/images`, {
          method: 'POST',
          body,
          headers: { 'accept-language': locale },
        });
        const json = await res.json();
        if (!res.ok) throw new ApiError(res.status, json);
        return json as SellerProduct;
      });
      if (updated) {
        setProduct(updated);
        form.reset();
      }
    };

    const act = async (method: 'PUT' | 'DELETE', path: string, body?: unknown) => {
      const updated = await main.run(() => api.send<SellerProduct>(method, `${base}/${product!.id}${path}`, body));
      if (updated) setProduct(updated);
    };

    const p = product;
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="products" />
        <PageTitle>{p ? t('product.editTitle') : t('product.newTitle')}</PageTitle>
        {p ? (
          <p>
            <span className={`status status-${p.status}`}>{t(`products.status.${p.status}`)}</span>{' '}
            <TranslationStatus missing={p.missingLanguages} />
          </p>
        ) : null}
        {saved ? (
          <p role="status" className="ok">
            {saved}
          </p>
        ) : null}
        <form onSubmit={saveProduct} noValidate>
          <SelectField
            label={t('product.category')}
            name="categoryId"
            required
            defaultValue={p?.categoryId ?? ''}
            placeholder={t('checkout.choose')}
            options={data.categories.map((c) => ({ value: c.id, label: '\u00a0\u00a0'.repeat(c.depth) + c.name }))}
            error={main.errors.categoryId}
          />
          <TextTriple
            name="title"
            value={p?.title}
            errors={main.errors}
            labels={[
              t('product.titleTh'),
              `${t('product.titleZh')} ${t('common.optional')}`,
              `${t('product.titleEn')} ${t('common.optional')}`,
            ]}
          />
          <TextTriple
            name="description"
            multiline
            value={p?.description}
            errors={main.errors}
            labels={[
              t('product.descriptionTh'),
              `${t('product.descriptionZh')} ${t('common.optional')}`,
              `${t('product.descriptionEn')} ${t('common.optional')}`,
            ]}
          />
          <div className="row">
            <SelectField
              label={t('product.originProvince')}
              name="originProvinceCode"
              required
              defaultValue={p?.originProvinceCode ?? ''}
              placeholder={t('checkout.choose')}
              options={PROVINCES.map((x) => ({ value: x.code, label: x[locale] }))}
              error={main.errors.originProvinceCode}
            />
            <TextField
              label={`${t('product.hsCode')} ${t('common.optional')}`}
              name="hsCode"
              defaultValue={p?.hsCode ?? ''}
              error={main.errors.hsCode}
            />
          </div>
          <label className="variant">
            <input type="checkbox" name="perishable" defaultChecked={p?.perishable} /> {t('product.isPerishable')}
          </label>
          <TextField
            label={`${t('product.shelfLife')} ${t('common.optional')}`}
            name="shelfLifeDays"
            inputMode="numeric"
            defaultValue={p?.shelfLifeDays ? String(p.shelfLifeDays) : ''}
            error={main.errors.shelfLifeDays}
          />
          {!p ? (
            <fieldset>
              <legend>{t('product.variants')}</legend>
              <VariantFields prefix="variants.0" errors={main.errors} />
            </fieldset>
          ) : null}
          <FormError message={main.formError} />
          <button type="submit" className="primary" disabled={main.pending}>
            {main.pending ? t('common.saving') : p ? t('common.save') : t('product.create')}
          </button>
        </form>
        {p ? (
          <>
            <h2>{t('product.variants')}</h2>
            <FormError message={variantForms.formError} />
            {p.variants.map((v) => (
              <form key={v.id} className="cards" onSubmit={(e) => void saveVariant(e, v)} noValidate aria-label={v.sku}>
                <fieldset>
                  <legend>{v.sku}</legend>
                  <VariantFields prefix={`v${v.id}`} variant={v} stock={stock[v.id]} errors={variantForms.errors} />
                  <button type="submit" disabled={variantForms.pending}>
                    {t('product.saveVariant')}
                  </button>
                </fieldset>
              </form>
            ))}
            <form onSubmit={(e) => void saveVariant(e, null)} noValidate>
              <fieldset>
                <legend>{t('product.addVariant')}</legend>
                <VariantFields prefix="new" errors={variantForms.errors} />
                <button type="submit" disabled={variantForms.pending}>
                  {t('product.addVariant')}
                </button>
              </fieldset>
            </form>
            <CrossBorderTerms sellerId={params.sellerId} productId={p.id} />
            <h2>{t('product.images')}</h2>
            <ul className="thumbs">
              {p.images.map((img) => (
                <li key={img.id}>
                  <img src={img.thumbnailUrl} alt={img.alt ?? ''} width={96} height={96} />
                  <button type="button" className="link" onClick={() => void act('DELETE', `/images/${img.id}`)}>
                    {t('product.deleteImage')}
                  </button>
                </li>
              ))}
            </ul>
            <form onSubmit={upload} className="inline-form">
              <TextField
                label={t('product.upload')}
                name="file"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                required
                error={main.errors.file}
              />
              <button type="submit" disabled={main.pending}>
                {main.pending ? t('product.uploading') : t('product.upload')}
              </button>
            </form>
            <h2>{t('common.actions')}</h2>
            <p className="inline-form">
              {p.status !== 'active' ? (
                <button
                  type="button"
                  className="primary"
                  onClick={() => void act('PUT', '/status', { status: 'active' })}
                >
                  {t('product.publish')}
                </button>
              ) : (
                <button type="button" onClick={() => void act('PUT', '/status', { status: 'draft' })}>
                  {t('product.unpublish')}
                </button>
              )}
              {p.status === 'active' ? <a href={href(`/p/${p.id}`)}>{t('product.viewInStore')}</a> : null}
            </p>
          </>
        ) : null}
      </>
    );
  },
};
