import type { OpenApiDocument } from '../openapi';
import type { ApiRoute } from '../route-spec';
import { cohortRoutes } from './cohort-routes';
import { customerRoutes } from './customer-routes';
import { inventoryRoutes } from './inventory-routes';
import { metricsRoutes } from './metrics-routes';
import { productRoutes } from './product-routes';
import { systemRoutes } from './system-routes';

/** Every endpoint of the local API, in the order the docs list them. */
export function apiRoutes(getDocument: () => OpenApiDocument): ApiRoute[] {
  return [...metricsRoutes(), ...cohortRoutes(), ...inventoryRoutes(), ...customerRoutes(), ...productRoutes(), ...systemRoutes(getDocument)];
}
