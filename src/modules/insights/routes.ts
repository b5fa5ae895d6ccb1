// HTTP for insights: the dashboards (JSON, and their charts and map as SVG) for operators and
// analysts, the operator's grants, and the open data — public, privacy-safe, with its catalogue.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { Uuid } from '../../platform/http.ts';
import { LOCALES, type Locale, translate } from '../../platform/i18n.ts';
import { barChartSvg, provinceMapSvg } from './charts.ts';
import type { InsightsRuntime } from './config.ts';
import { dashboard, MARKETS, provinceSales, readFilters } from './dashboard.ts';
import { datasetById, DATASETS, dcatCatalogue, thaiGdcMetadata, toCsv } from './open-data.ts';
import { hidden } from './privacy.ts';
import { grantAnalyst, insightsScope, revokeAnalyst, scopedProvince } from './scope.ts';

const FiltersQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 7 })),
  to: Type.Optional(Type.String({ maxLength: 7 })),
  province: Type.Optional(Type.String({ maxLength: 2 })),
  market: Type.Optional(Type.String({ maxLength: 2 })),
  sellerType: Type.Optional(Type.String({ maxLength: 40 })),
  lang: Type.Optional(Type.Union(LOCALES.map((l) => Type.Literal(l)))),
});
const TAG = 'insights';
const baht = (satang: number) => satang / 100;
const thb = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'th' ? 'th-TH' : locale === 'zh' ? 'zh-CN' : 'en-GB', {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(n);

export function insightsRoutes(scope: FastifyInstance, rt: InsightsRuntime) {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = rt;

  const question = async (req: { actor: any; query: Record<string, string | undefined> }) => {
    const who = await insightsScope(db, req.actor);
    const f = readFilters(req.query);
    f.province = scopedProvince(who, f.province);
    return { who, f };
  };
  const langOf = (req: { query: { lang?: string }; headers: Record<string, unknown>; locale: Locale }) =>
    (req.query.lang as Locale | undefined) ?? req.locale;

  app.get(
    '/insights/me',
    { schema: { tags: [TAG], summary: 'What the caller may see: the whole country, or one province' } },
    async (req) => insightsScope(db, req.actor),
  );

  app.get(
    '/insights/dashboard',
    { schema: { tags: [TAG], summary: 'The programme dashboard under the filters', querystring: FiltersQuery } },
    async (req) => {
      const { who, f } = await question(req);
      return { scope: who, markets: MARKETS, ...(await dashboard(db, f, langOf(req))) };
    },
  );

  app.get(
    '/insights/charts/sales-by-month.svg',
    { schema: { tags: [TAG], summary: 'Sales by month as an SVG bar chart', querystring: FiltersQuery } },
    async (req, reply) => {
      const { f } = await question(req);
      const locale = langOf(req);
      const d = await dashboard(db, f, locale);
      const svg = barChartSvg(
        d.byMonth.map((m) => ({
          label: m.label,
          value: 'value' in m.grossSatang ? { value: baht(m.grossSatang.value) } : hidden,
        })),
        {
          title: translate('insights.chart.sales_by_month', locale),
          suppressed: translate('insights.suppressed', locale),
          format: (n) => thb(n, locale),
        },
      );
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=60').send(svg);
    },
  );

  app.get(
    '/insights/map.svg',
    {
      schema: {
        tags: [TAG],
        summary: 'Sales by shop province on a map of the 77 provinces',
        querystring: FiltersQuery,
      },
    },
    async (req, reply) => {
      const { who, f } = await question(req);
      const locale = langOf(req);
      const rows = await provinceSales(db, f, locale);
      const svg = provinceMapSvg(
        rows.map((r) => ({
          code: r.key,
          label: r.label,
          // A province's officer sees the other provinces blank.
          value:
            who.province && r.key !== who.province
              ? { value: 0 }
              : 'value' in r.grossSatang
                ? { value: baht(r.grossSatang.value) }
                : hidden,
        })),
        {
          title: translate('insights.chart.sales_by_province', locale),
          suppressed: translate('insights.suppressed', locale),
          format: (n) => thb(n, locale),
        },
      );
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=60').send(svg);
    },
  );

  app.put(
    '/operator/insights/analysts/:userId',
    {
      schema: {
        tags: [TAG],
        summary: 'Make a user an analyst: national (provinceCode null) or of one province',
        params: Type.Object({ userId: Uuid }),
        body: Type.Object(
          { provinceCode: Type.Union([Type.String({ maxLength: 2 }), Type.Null()]) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => grantAnalyst(db, req.actor, req.params.userId, req.body.provinceCode),
  );

  app.delete(
    '/operator/insights/analysts/:userId',
    { schema: { tags: [TAG], summary: 'Take an analyst’s access away', params: Type.Object({ userId: Uuid }) } },
    async (req, reply) => {
      await revokeAnalyst(db, req.actor, req.params.userId);
      return reply.code(204).send();
    },
  );

  // Open data: public, aggregates only.
  app.get(
    '/open-data/catalog.jsonld',
    { schema: { tags: ['open data'], summary: 'The DCAT-AP catalogue of the open datasets (JSON-LD)' } },
    async (_req, reply) =>
      reply
        .type('application/ld+json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(dcatCatalogue(rt.publicUrl, new Date().toISOString().slice(0, 10))),
  );

  app.get(
    '/open-data/datasets',
    { schema: { tags: ['open data'], summary: 'The open datasets with their metadata (thai_gdc fields)' } },
    async () => ({
      items: await Promise.all(DATASETS.map(async (d) => thaiGdcMetadata(d, await d.rows(db), rt.publicUrl))),
    }),
  );

  app.get(
    '/open-data/datasets/:file',
    {
      schema: {
        tags: ['open data'],
        summary: 'One dataset: <id>.csv (UTF-8 with BOM) or <id>.json, or <id> for its metadata',
        params: Type.Object({ file: Type.String({ maxLength: 80, pattern: '^[a-z0-9-]+(\\.(csv|json))?$' }) }),
      },
    },
    async (req, reply) => {
      const [id, format] = req.params.file.split('.');
      const spec = datasetById(id);
      if (!spec) throw new AppError(404, 'insights_dataset_not_found');
      const rows = await spec.rows(db);
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="talad-${id}.csv"`)
          .send(toCsv(spec, rows));
      if (format === 'json') return { dataset: id, rows };
      return thaiGdcMetadata(spec, rows, rt.publicUrl);
    },
  );
}
