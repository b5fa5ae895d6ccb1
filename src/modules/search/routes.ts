// HTTP for search: GET /api/search (results, facets, sort, pages) and GET /api/search/suggest.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { negotiateLocale, type Locale } from '../../platform/i18n.ts';
import { problemResponses } from '../../platform/http.ts';
import { createMediaStorage } from '../../platform/storage.ts';
import { searchProducts, suggest } from './service.ts';
import { SearchQuerystring, SearchResponse, SuggestQuerystring, SuggestResponse } from './schemas.ts';

const tags = ['search'];

export async function searchRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const storage = createMediaStorage(app.config);

  // `lang` also sets the language of problem details, even when another parameter is wrong.
  app.addHook('preValidation', async (request) => {
    const lang = (request.query as Record<string, unknown> | undefined)?.lang;
    if (lang === 'th' || lang === 'zh' || lang === 'en') request.locale = lang;
  });
  const localeOf = (lang: Locale | undefined, header: string | undefined) => lang ?? negotiateLocale(header);

  app.get(
    '/search',
    {
      schema: {
        tags,
        summary:
          'Products on sale matching words in Thai, Chinese or English, with filters, facet counts, sorting and pages',
        querystring: SearchQuerystring,
        response: { 200: SearchResponse, ...problemResponses },
      },
    },
    (request) => {
      const { lang, ...params } = request.query;
      return searchProducts(app.db, localeOf(lang, request.headers['accept-language']), params, storage);
    },
  );

  app.get(
    '/search/suggest',
    {
      schema: {
        tags,
        summary: 'Up to eight suggestions (categories, products, shops) for what has been typed so far',
        querystring: SuggestQuerystring,
        response: { 200: SuggestResponse, ...problemResponses },
      },
    },
    async (request) => {
      const { q, lang } = request.query;
      return { query: q, suggestions: await suggest(app.db, localeOf(lang, request.headers['accept-language']), q) };
    },
  );
}
