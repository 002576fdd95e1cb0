import { z } from 'zod';
import { HttpError } from '../api-errors';
import { defineRoute, type ApiRoute } from '../route-spec';

const RecommendationsSchema = z.object({
  sku: z.string(),
  recommendations: z.array(z.object({ sku: z.string(), name: z.string().nullable(), score: z.number() })),
});

export function productRoutes(): ApiRoute[] {
  return [
    defineRoute({
      path: '/products/{sku}/recommendations',
      operationId: 'productRecommendations',
      summary: 'Products to recommend alongside this SKU, from the trained recommendation model.',
      description: 'Answers 501 until the models engine exposes a warehouse-reading recommendation function.',
      tag: 'products',
      params: z.object({ sku: z.string().min(1).max(200).meta({ description: 'The SKU' }) }).strict(),
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10).meta({ description: 'How many products (1–100)' }) }).strict(),
      response: RecommendationsSchema,
      handle: () => {
        // The models engine (src/main/backend/ml/) has no function yet that reads a trained model
        // from the warehouse for one SKU; the API must not train or compute its own.
        throw new HttpError(
          501,
          'NOT_IMPLEMENTED',
          'Product recommendations are not available in this build yet: the models engine does not expose a recommendation function for a SKU.',
        );
      },
    }),
  ];
}
