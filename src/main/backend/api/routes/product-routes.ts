import { z } from 'zod';
import { AppError } from '../../../../shared/result';
import { productLabels } from '../../ml/read/products';
import { boughtTogetherProducts, similarProducts } from '../../ml/read/read-recommend';
import { HttpError } from '../api-errors';
import { defineRoute, type ApiRoute } from '../route-spec';

const ProductScoreSchema = z
  .object({
    sku: z.string(),
    name: z.string().nullable(),
    category: z.string().nullable(),
    score: z.number().meta({ description: 'Similarity (BM25-weighted cosine) or bought-together strength; higher is closer' }),
    common: z.int().nullable().meta({ description: 'Customers (similar) or orders (bought together) the pair shares' }),
    lift: z.number().nullable().meta({ description: 'Bought together: P(both) / (P(a) × P(b)); null for similar products' }),
  })
  .meta({ id: 'ProductScore' });

const RecommendationsSchema = z.object({
  sku: z.string(),
  name: z.string().nullable(),
  runId: z.int().meta({ description: 'The recommendation model run the lists come from' }),
  similar: z.array(ProductScoreSchema).meta({ description: 'Products bought by the same customers (item-item)' }),
  boughtTogether: z.array(ProductScoreSchema).meta({ description: 'Products in the same orders' }),
});

export function productRoutes(): ApiRoute[] {
  return [
    defineRoute({
      path: '/products/{sku}/recommendations',
      operationId: 'productRecommendations',
      summary: 'Products to recommend with this SKU: similar products and products bought together, from the trained model.',
      description: 'Answers 409 (code NOT_AVAILABLE) until the recommendation model has been trained in the app or with `storelens model`.',
      tag: 'products',
      params: z.object({ sku: z.string().min(1).max(200).meta({ description: 'The SKU' }) }).strict(),
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10).meta({ description: 'How many products per list (1–100)' }) }).strict(),
      response: RecommendationsSchema,
      handle: ({ params, query, context }) => {
        const label = productLabels(context.db, [params.sku]).get(params.sku);
        if (!label) throw new HttpError(404, 'NOT_FOUND', `No product with SKU "${params.sku}".`, 'sku');
        try {
          const similar = similarProducts(context.db, params.sku, query.limit);
          const together = boughtTogetherProducts(context.db, params.sku, query.limit);
          const strip = (items: typeof similar.items) => items.map(({ sku, name, category, score, common, lift }) => ({ sku, name, category, score, common, lift }));
          return { sku: params.sku, name: label.name, runId: similar.runId, similar: strip(similar.items), boughtTogether: strip(together.items) };
        } catch (error) {
          if (error instanceof AppError && error.code === 'NOT_AVAILABLE') throw new HttpError(409, 'NOT_AVAILABLE', error.message);
          throw error;
        }
      },
    }),
  ];
}
