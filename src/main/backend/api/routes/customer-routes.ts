import { z } from 'zod';
import { CUSTOMER_SORT_KEYS } from '../../../../shared/contract/analytics';
import { AppError } from '../../../../shared/result';
import { customerDetail } from '../../analytics/customer-detail';
import { topCustomers } from '../../analytics/customers';
import { HttpError } from '../api-errors';
import { defineRoute, type ApiRoute } from '../route-spec';
import { FILTER_LIST_PARAMS, filterQueryShape, MetricIdsSchema, money, ResultMetaSchema, toFilters } from '../schemas';

const CustomerRowSchema = z
  .object({
    customerId: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    region: z.string().nullable(),
    segment: z.string().nullable(),
    orders: z.int().meta({ description: 'Counted orders in the range' }),
    netRevenue: money('Net revenue of the customer’s orders in the range'),
    firstOrder: z.string().nullable(),
    lastOrder: z.string().nullable(),
    clv: money('Historical CLV: lifetime net revenue, all dates'),
    rank: z.int(),
  })
  .meta({ id: 'CustomerRow' });

const OrderLineSchema = z.object({ lineNo: z.int(), sku: z.string(), name: z.string().nullable(), quantity: z.int(), unitPrice: z.number(), net: z.number() });

const CustomerDetailSchema = z
  .object({
    customerId: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    region: z.string().nullable(),
    country: z.string().nullable(),
    city: z.string().nullable(),
    segment: z.string().nullable(),
    signupDate: z.string().nullable(),
    firstOrder: z.string().nullable(),
    lastOrder: z.string().nullable(),
    totals: z.array(z.object({ currency: z.string(), orders: z.int(), netRevenue: z.number(), refunds: z.number() })),
    orders: z.array(
      z.object({
        orderId: z.string(),
        orderDate: z.string(),
        status: z.string(),
        channel: z.string().nullable(),
        currency: z.string(),
        gross: z.number(),
        discount: z.number(),
        tax: z.number(),
        shipping: z.number(),
        refunds: z.number(),
        net: z.number(),
        isCounted: z.boolean(),
        lines: z.array(OrderLineSchema),
      }),
    ),
    returns: z.array(
      z.object({
        orderId: z.string(), sku: z.string(), name: z.string().nullable(), currency: z.string(), quantity: z.int(), returnDate: z.string(),
        refund: z.number().meta({ description: 'In the order currency' }), refundRule: z.string(), reason: z.string().nullable(),
      }),
    ),
    reviews: z.array(z.object({ reviewId: z.string(), sku: z.string(), name: z.string().nullable(), rating: z.int(), body: z.string().nullable(), reviewDate: z.string() })),
  })
  .meta({ id: 'CustomerDetail' });

export function customerRoutes(): ApiRoute[] {
  return [
    defineRoute({
      path: '/customers/top',
      operationId: 'topCustomers',
      summary: 'Customers ranked by net revenue in the range, with orders, first and last order and historical CLV.',
      tag: 'customers',
      query: z
        .object({
          ...filterQueryShape,
          limit: z.coerce.number().int().min(1).max(1000).default(20).meta({ description: 'How many customers (1–1000)' }),
          sort: z.enum(CUSTOMER_SORT_KEYS).default('net_revenue').meta({ description: 'Sort key, highest first' }),
        })
        .strict(),
      listParams: FILTER_LIST_PARAMS,
      metricIds: ['net_sales', 'orders', 'clv_historical'],
      response: z.object({ meta: ResultMetaSchema, metricIds: MetricIdsSchema, total: z.int(), customers: z.array(CustomerRowSchema) }),
      handle: ({ query, context }) => {
        const result = topCustomers(context.db, toFilters(query), { search: '', sort: query.sort, direction: 'desc', offset: 0, limit: query.limit });
        return {
          meta: result.meta,
          metricIds: { netRevenue: 'net_sales', orders: 'orders', clv: 'clv_historical' },
          total: result.total,
          customers: result.rows,
        };
      },
    }),
    defineRoute({
      path: '/customers/{id}',
      operationId: 'customerDetail',
      summary: 'One customer: profile, every order with its lines, returns and reviews.',
      tag: 'customers',
      params: z.object({ id: z.string().min(1).max(200).meta({ description: 'The customer id from the source system' }) }).strict(),
      response: CustomerDetailSchema,
      handle: ({ params, context }) => {
        try {
          return customerDetail(context.db, params.id);
        } catch (error) {
          if (error instanceof AppError && error.code === 'NOT_FOUND') throw new HttpError(404, 'NOT_FOUND', error.message, 'id');
          throw error;
        }
      },
    }),
  ];
}
