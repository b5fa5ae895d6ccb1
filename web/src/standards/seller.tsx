// The seller centre's standards pages: certificates (upload with the document, their review and
// the agency's answer, notices), and the flagship store application.
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError } from '../app/api.ts';
import { useApp } from '../app/context.tsx';
import { pick } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import type { I18nText } from '../app/shapes.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, SelectField, TextArea, TextField } from '../components/ui.tsx';
import { ShopNav } from '../seller/shared.tsx';
import { formatDay } from './MarkBadges.tsx';
import '../messages/standards.ts';
import './standards.css';

export interface Certificate {
  id: string;
  kind: string;
  kindLabel: string;
  product: { id: string; title: string } | null;
  number: string;
  standardRef: string | null;
  issuedOn: string;
  expiresOn: string;
  status: 'pending' | 'verified' | 'rejected' | 'expired' | 'revoked';
  showing: boolean;
  reviewReason: string | null;
  agencyAnswer: { agency: string; sandbox: boolean; status: string } | null;
  originArea: { label: string } | null;
  gi: { name: string } | null;
  document: { url: string; type: string };
}
interface Notice {
  id: string;
  text: string;
  createdAt: string;
}
interface ProductItem {
  id: string;
  title: I18nText;
  status: string;
}
interface Gi {
  id: string;
  name: string;
}
interface CertificatesData {
  certificates: Certificate[];
  notices: Notice[];
  products: ProductItem[];
  gis: Gi[];
}

export const KINDS = [
  'fda',
  'tis',
  'community_standard',
  'gap',
  'organic',
  'halal',
  'gi',
  'otop',
  'thai_hom_mali',
  'trademark',
  'trademark_authorisation',
];
const EVIDENCE = ['trademark', 'trademark_authorisation'];

export function CertificateRow({ c, children }: { c: Certificate; children?: ReactNode }) {
  const { t, locale } = useApp();
  return (
    <li>
      <strong>{c.kindLabel}</strong> {c.standardRef ? `${c.standardRef} · ` : ''}
      <span>{c.number}</span> <span className={`status-${c.status}`}>{t(`standards.status.${c.status}`)}</span>
      {c.showing ? <span className="tag">{t('standards.showing')}</span> : null}
      <div className="muted">
        {c.product ? `${c.product.title} · ` : ''}
        {c.gi ? `${c.gi.name} · ` : ''}
        {c.originArea ? <span lang="th">{c.originArea.label} · </span> : null}
        {formatDay(c.issuedOn, locale)} – {formatDay(c.expiresOn, locale)}
      </div>
      {c.agencyAnswer ? (
        <div className="muted">
          {t('standards.agency')}: {c.agencyAnswer.agency} — {t(`standards.agency.${c.agencyAnswer.status}`)}
          {c.agencyAnswer.sandbox ? ' (sandbox)' : ''}
        </div>
      ) : null}
      {c.reviewReason ? <div className="error">{c.reviewReason}</div> : null}
      <a href={c.document.url} target="_blank" rel="noreferrer">
        {t('standards.viewDocument')}
      </a>
      {children}
    </li>
  );
}

export const certificatesPage: PageModule<CertificatesData> = {
  access: 'user',
  async load({ api, params }) {
    const base = `/sellers/${params.sellerId}`;
    const [certificates, notices, products, gis] = await Promise.all([
      api.get<{ items: Certificate[] }>(`${base}/certificates`),
      api.get<{ items: Notice[] }>(`${base}/standards/notices`),
      api.get<{ items: ProductItem[] }>(`${base}/products?perPage=100`),
      api.get<{ items: Gi[] }>('/standards/gis'),
    ]);
    return { certificates: certificates.items, notices: notices.items, products: products.items, gis: gis.items };
  },
  head: (_d, { t }) => ({ title: t('standards.title'), noindex: true }),
  Page({ data, params }) {
    const { t, locale, api } = useApp();
    const [kind, setKind] = useState('fda');
    const [list, setList] = useState(data.certificates);
    const [sent, setSent] = useState(false);
    const { errors, formError, pending, run } = useSubmit();
    const base = `/sellers/${params.sellerId}`;
    const submit = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      setSent(false);
      const form = e.currentTarget;
      const f = formValues(form);
      const num = (v?: string) => (v === undefined ? undefined : Number(v));
      const details: Record<string, unknown> = {};
      if (kind === 'otop') Object.assign(details, { stars: num(f.stars), year: num(f.year) });
      if (kind === 'thai_hom_mali') Object.assign(details, { variety: f.variety, purityPercent: num(f.purity) });
      if (EVIDENCE.includes(kind)) Object.assign(details, { brand: f.brand });
      if (kind === 'trademark_authorisation')
        Object.assign(details, {
          trademarkNumber: f.trademarkNumber,
          ownerName: f.ownerName,
          grantorName: f.grantorName,
          exclusive: f.exclusive === 'on',
        });
      const certificate = {
        kind,
        productId: f.productId || null,
        number: f.number ?? '',
        standardRef: f.standardRef ?? null,
        giId: f.giId ?? null,
        originAreaCode: f.originAreaCode ?? null,
        issuedOn: f.issuedOn ?? '',
        expiresOn: f.expiresOn ?? '',
        ...(Object.keys(details).length ? { details } : {}),
      };
      const body = new FormData();
      body.append('certificate', JSON.stringify(certificate));
      const file = (form.elements.namedItem('document') as HTMLInputElement).files?.[0];
      if (file) body.append('document', file);
      const made = await run(async () => {
        const res = await fetch(`/api${base}/certificates`, {
          method: 'POST',
          body,
          headers: { 'accept-language': locale },
        });
        const json = await res.json();
        if (!res.ok) throw new ApiError(res.status, json);
        return json as Certificate;
      });
      if (made) {
        setList([made, ...list]);
        setSent(true);
        form.reset();
        setKind('fda');
        setList(await api.get<{ items: Certificate[] }>(`${base}/certificates`).then((r) => r.items));
      }
    };
    const isEvidence = EVIDENCE.includes(kind);
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="standards" />
        <PageTitle>{t('standards.title')}</PageTitle>
        <p>{t('standards.intro')}</p>
        {data.notices.length ? (
          <section className="notice" aria-label={t('standards.notices')}>
            <h2>{t('standards.notices')}</h2>
            <ul>
              {data.notices.map((n) => (
                <li key={n.id}>{n.text}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <form onSubmit={submit} noValidate className="stack-form">
          <SelectField
            label={t('standards.kind')}
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={KINDS.map((k) => ({ value: k, label: t(`standards.kind.${k}`) }))}
          />
          {isEvidence ? null : (
            <SelectField
              label={t('standards.product')}
              name="productId"
              error={errors.productId}
              placeholder=""
              options={data.products.map((p) => ({ value: p.id, label: pick(p.title, locale) }))}
            />
          )}
          {kind === 'tis' || kind === 'community_standard' ? (
            <TextField
              label={t('standards.standardRef')}
              name="standardRef"
              placeholder={kind === 'tis' ? 'มอก. 309-2525' : 'มผช. 1/2546'}
              error={errors.standardRef}
            />
          ) : null}
          <TextField
            label={t('standards.number')}
            name="number"
            error={errors.number}
            placeholder={
              kind === 'fda'
                ? 'XX-X-XXXXX-X-XXXX'
                : kind === 'gap' || kind === 'organic'
                  ? 'กษ AA-BBBB-CC-DDD-EEEEEE XXX'
                  : undefined
            }
          />
          {kind === 'gi' ? (
            <>
              <SelectField
                label={t('standards.gi')}
                name="giId"
                error={errors.giId}
                placeholder=""
                options={data.gis.map((g) => ({ value: g.id, label: g.name }))}
              />
              <TextField
                label={t('standards.originArea')}
                name="originAreaCode"
                inputMode="numeric"
                error={errors.originAreaCode}
              />
            </>
          ) : null}
          {kind === 'otop' ? (
            <>
              <TextField
                label={t('standards.stars')}
                name="stars"
                type="number"
                min={1}
                max={5}
                error={errors['details.stars']}
              />
              <TextField label={t('standards.year')} name="year" type="number" error={errors['details.year']} />
            </>
          ) : null}
          {kind === 'thai_hom_mali' ? (
            <>
              <SelectField
                label={t('standards.variety')}
                name="variety"
                error={errors['details.variety']}
                options={['KDML105', 'RD15'].map((v) => ({ value: v, label: v }))}
              />
              <TextField
                label={t('standards.purity')}
                name="purity"
                type="number"
                step="0.1"
                error={errors['details.purityPercent']}
              />
            </>
          ) : null}
          {isEvidence ? <TextField label={t('standards.brand')} name="brand" error={errors['details.brand']} /> : null}
          {kind === 'trademark_authorisation' ? (
            <>
              <TextField
                label={t('standards.trademarkNumber')}
                name="trademarkNumber"
                error={errors['details.trademarkNumber']}
              />
              <TextField label={t('standards.ownerName')} name="ownerName" error={errors['details.ownerName']} />
              <TextField label={t('standards.grantorName')} name="grantorName" error={errors['details.grantorName']} />
              <label className="check">
                <input type="checkbox" name="exclusive" /> {t('standards.exclusive')}
              </label>
              {errors['details.exclusive'] ? <p className="error">{errors['details.exclusive']}</p> : null}
            </>
          ) : null}
          <TextField label={t('standards.issuedOn')} name="issuedOn" type="date" error={errors.issuedOn} />
          <TextField label={t('standards.expiresOn')} name="expiresOn" type="date" error={errors.expiresOn} />
          <TextField
            label={t('standards.document')}
            name="document"
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            error={errors.document}
          />
          <button type="submit" className="primary" disabled={pending}>
            {t('standards.upload')}
          </button>
          <FormError message={formError} />
          {sent ? (
            <p role="status" className="ok">
              {t('standards.uploaded')}
            </p>
          ) : null}
        </form>
        <h2>{t('standards.list')}</h2>
        {list.length ? (
          <ul className="cert-list plain">
            {list.map((c) => (
              <CertificateRow key={c.id} c={c} />
            ))}
          </ul>
        ) : (
          <Empty>{t('standards.empty')}</Empty>
        )}
      </>
    );
  },
};

interface FlagshipApplication {
  status: 'pending' | 'approved' | 'rejected' | 'lapsed';
  brandName: string;
  story: { th: string; zh: string | null; en: string | null };
  productIds: string[];
  featuredLotIds: string[];
  bannerUrl: string | null;
  requirements: { code: string; ok: boolean; text: string }[];
  rejectionReason: string | null;
}
interface FlagshipData {
  application: FlagshipApplication | null;
  products: ProductItem[];
  lots: { id: string; lotNumber: string; productTitle: string }[];
}

export const flagshipPage: PageModule<FlagshipData> = {
  access: 'user',
  async load({ api, params }) {
    const base = `/sellers/${params.sellerId}`;
    const [app, products, lots] = await Promise.all([
      api.get<{ application: FlagshipApplication | null }>(`${base}/flagship-application`),
      api.get<{ items: ProductItem[] }>(`${base}/products?perPage=100&status=active`),
      api.get<{ items: FlagshipData['lots'] }>(`${base}/lots`),
    ]);
    return { application: app.application, products: products.items, lots: lots.items };
  },
  head: (_d, { t }) => ({ title: t('flagshipApp.title'), noindex: true }),
  Page({ data, params }) {
    const { t, locale, api } = useApp();
    const [app, setApp] = useState(data.application);
    const { errors, formError, pending, run } = useSubmit();
    const base = `/sellers/${params.sellerId}`;
    const submit = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const fd = new FormData(form);
      const f = formValues(form);
      const saved = await run(() =>
        api.send<FlagshipApplication>('PUT', `${base}/flagship-application`, {
          brandName: f.brandName ?? '',
          story: { th: f.storyTh ?? '', zh: f.storyZh ?? null, en: f.storyEn ?? null },
          productIds: fd.getAll('productIds').map(String),
          featuredLotIds: fd.getAll('featuredLotIds').map(String),
        }),
      );
      if (saved) setApp(saved);
    };
    const banner = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const body = new FormData(e.currentTarget);
      const saved = await run(async () => {
        const res = await fetch(`/api${base}/flagship-application/banner`, {
          method: 'POST',
          body,
          headers: { 'accept-language': locale },
        });
        const json = await res.json();
        if (!res.ok) throw new ApiError(res.status, json);
        return json as FlagshipApplication;
      });
      if (saved) setApp(saved);
    };
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="flagship" />
        <PageTitle>{t('flagshipApp.title')}</PageTitle>
        <p>{t('flagshipApp.intro')}</p>
        {app ? (
          <section aria-label={t('flagshipApp.requirements')}>
            <p>
              <strong
                className={
                  app.status === 'approved' ? 'status-verified' : app.status === 'pending' ? '' : 'status-rejected'
                }
              >
                {t(`flagshipApp.status.${app.status}`)}
              </strong>
              {app.rejectionReason ? ` — ${app.rejectionReason}` : ''}
            </p>
            <h2>{t('flagshipApp.requirements')}</h2>
            <ul className="plain">
              {app.requirements.map((r) => (
                <li key={r.code} className={r.ok ? 'status-verified' : 'status-rejected'}>
                  {r.ok ? '✓ ' : '✗ '}
                  {r.text}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <form onSubmit={submit} noValidate className="stack-form">
          <TextField
            label={t('flagshipApp.brand')}
            name="brandName"
            defaultValue={app?.brandName}
            error={errors.brandName}
          />
          <TextArea
            label={t('flagshipApp.storyTh')}
            name="storyTh"
            defaultValue={app?.story.th}
            error={errors['story.th']}
          />
          <TextArea label={t('flagshipApp.storyZh')} name="storyZh" defaultValue={app?.story.zh ?? ''} />
          <TextArea label={t('flagshipApp.storyEn')} name="storyEn" defaultValue={app?.story.en ?? ''} />
          <fieldset>
            <legend>{t('flagshipApp.products')}</legend>
            {data.products.map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" name="productIds" value={p.id} defaultChecked={app?.productIds.includes(p.id)} />{' '}
                {pick(p.title, locale)}
              </label>
            ))}
            {errors.productIds ? <p className="error">{errors.productIds}</p> : null}
          </fieldset>
          {data.lots.length ? (
            <fieldset>
              <legend>{t('flagshipApp.lots')}</legend>
              {data.lots.map((l) => (
                <label key={l.id} className="check">
                  <input
                    type="checkbox"
                    name="featuredLotIds"
                    value={l.id}
                    defaultChecked={app?.featuredLotIds.includes(l.id)}
                  />{' '}
                  {l.lotNumber} · {l.productTitle}
                </label>
              ))}
            </fieldset>
          ) : null}
          <button type="submit" className="primary" disabled={pending}>
            {t('flagshipApp.submit')}
          </button>
          <FormError message={formError} />
        </form>
        {app ? (
          <form onSubmit={banner} className="stack-form">
            {app.bannerUrl ? <img src={app.bannerUrl} alt="" className="flagship-banner" /> : null}
            <TextField
              label={t('flagshipApp.banner')}
              name="file"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              error={errors.file}
            />
            <button type="submit" disabled={pending}>
              {t('flagshipApp.uploadBanner')}
            </button>
          </form>
        ) : null}
      </>
    );
  },
};
