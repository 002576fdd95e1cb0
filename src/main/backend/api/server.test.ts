import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FiltersSchema } from '../../../shared/contract/analytics';
import { allMetricDefinitions } from '../../../shared/metrics';
import { cohortLtv } from '../analytics/cohorts';
import { customerDetail } from '../analytics/customer-detail';
import { topCustomers } from '../analytics/customers';
import { inventoryAlerts } from '../analytics/inventory';
import { inventoryRisk } from '../analytics/inventory-risk';
import { overview } from '../analytics/overview';
import { revenueDaily } from '../analytics/revenue';
import { boughtTogetherProducts, similarProducts } from '../ml/read/read-recommend';
import { createTempBackend, type TempBackend } from '../testing/temp-backend';
import type { OpenApiDocument } from './openapi';
import { startApiServer, type RunningApiServer } from './server';
import { httpRequest, type HttpResponse } from './testing/http-client';
import { refundsOf, seedAnalyticsWarehouse } from './testing/seed-star';
import type { StarFixture } from './testing/star-fixture';

const TOKEN = 'sl_test-token-0123456789';
let temp: TempBackend;
let fixture: StarFixture;
let server: RunningApiServer;
let openapi: OpenApiDocument;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  temp = createTempBackend('storelens-api-');
  fixture = seedAnalyticsWarehouse(temp.backend.db);
  server = await startApiServer({ warehousePath: temp.backend.warehousePath, port: 0, getToken: () => TOKEN, appVersion: '9.9.9' });
  openapi = (await httpRequest(`${server.url}/openapi.json`)).json as OpenApiDocument;
});
afterAll(async () => {
  await server.close();
  await temp.dispose();
});

const get = (path: string, token: string | null = TOKEN) => httpRequest(`${server.url}${path}`, { token });

/** Validates a response against the schema the SERVED OpenAPI document gives for that path and status. */
function expectMatchesOpenApi(templatePath: string, response: HttpResponse): void {
  const operation = openapi.paths[templatePath]?.get as { responses: Record<string, { content: Record<string, { schema: object }> }> } | undefined;
  expect(operation, `no ${templatePath} in the OpenAPI document`).toBeDefined();
  const schema = operation?.responses[String(response.status)]?.content['application/json']?.schema;
  expect(schema, `no ${response.status} response for ${templatePath}`).toBeDefined();
  const validate = ajv.compile({ ...schema, components: openapi.components });
  const isValid = validate(response.json);
  expect(validate.errors ?? [], `${templatePath} ${response.status}`).toEqual([]);
  expect(isValid).toBe(true);
}

const filters = (input: Record<string, unknown>) => FiltersSchema.parse(input);
const db = () => temp.backend.db;
const cents = (units: number) => Math.round(units * 100);

// Independent expectations, in plain TypeScript over the fixture rows.
function fixtureGross(from: string, to: string): number {
  return fixture.orders
    .filter((o) => o.isCounted && o.orderDate >= from && o.orderDate <= to)
    .reduce((s, o) => s + o.lines.reduce((t, l) => t + l.quantity * l.unitPriceCents, 0), 0);
}
const fixtureRefunds = (from: string, to: string) =>
  fixture.returns.filter((r) => r.returnDate >= from && r.returnDate <= to).reduce((s, r) => s + r.refundCents, 0);

describe('OpenAPI and docs', () => {
  it('serves an OpenAPI 3.1 document without a token, listing every endpoint with its security', () => {
    expect(openapi.openapi).toBe('3.1.0');
    for (const path of ['/metrics/daily', '/ltv/{days}', '/inventory/alerts', '/inventory/risk', '/kpis', '/customers/top', '/customers/{id}', '/products/{sku}/recommendations', '/health', '/metrics/definitions']) {
      expect(openapi.paths[path], path).toBeDefined();
      expect(openapi.paths[path]?.get.security).toEqual([{ bearerAuth: [] }]);
    }
    const daily = openapi.paths['/metrics/daily']?.get as { parameters: { name: string; in: string }[]; 'x-metric-ids': string[] };
    expect(daily.parameters.map((p) => p.name)).toEqual(['from', 'to', 'region', 'category', 'channel', 'segment', 'currency']);
    expect(daily['x-metric-ids']).toContain('net_sales');
    expect(openapi.servers[0]?.url).toBe(server.url);
  });

  it('serves a self-contained docs page', async () => {
    const response = await get('/docs', null);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('/ltv/{days}');
    expect(response.text).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);
  });
});

describe('endpoints', () => {
  it('GET /health', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    expectMatchesOpenApi('/health', response);
    expect(response.json).toMatchObject({ status: 'ok', appVersion: '9.9.9', hasOrders: true, isReadOnly: true });
  });

  it('GET /metrics/daily equals the engine per day and the fixture in total', async () => {
    const response = await get('/metrics/daily?from=2024-02-01&to=2024-02-29');
    expect(response.status).toBe(200);
    expectMatchesOpenApi('/metrics/daily', response);
    const body = response.json as { days: Record<string, number | null | string>[]; metricIds: Record<string, string> };
    expect(body.days).toHaveLength(29);
    expect(body.metricIds.net_sales).toBe('net_sales');
    // Same engine: the dashboard's daily revenue series, day by day.
    const engineDaily = revenueDaily(db(), filters({ from: '2024-02-01', to: '2024-02-29' }));
    const netIndex = engineDaily.series.columns.indexOf('net_sales');
    body.days.forEach((day, i) => expect(day.net_sales).toBeCloseTo(Number(engineDaily.series.rows[i]?.[netIndex]), 9));
    // …and the Overview for one day with every field.
    const oneDay = body.days.find((d) => (d.orders as number) > 0);
    const kpis = overview(db(), filters({ from: oneDay?.date, to: oneDay?.date, compare: 'none' })).kpis;
    for (const id of ['gross_sales', 'discounts', 'refunds', 'taxes', 'net_sales', 'orders', 'aov', 'new_customers', 'returning_customers']) {
      expect(oneDay?.[id], id).toBe(kpis.find((k) => k.metricId === id)?.value);
    }
    const sum = (id: string) => body.days.reduce((s, d) => s + Number(d[id] ?? 0), 0);
    expect(cents(sum('gross_sales'))).toBe(fixtureGross('2024-02-01', '2024-02-29'));
    expect(cents(sum('refunds'))).toBe(fixtureRefunds('2024-02-01', '2024-02-29'));
  });

  it('GET /kpis equals the Overview engine function and the fixture', async () => {
    const response = await get('/kpis?from=2024-03-01&to=2024-03-31');
    expect(response.status).toBe(200);
    expectMatchesOpenApi('/kpis', response);
    const body = response.json as { kpis: { metricId: string; value: number | null; previous: number | null; change: number | null; label: string }[] };
    const engine = overview(db(), filters({ from: '2024-03-01', to: '2024-03-31' }));
    expect(body.kpis.map(({ metricId, value, previous, change }) => ({ metricId, value, previous, change }))).toEqual(engine.kpis);
    const gross = body.kpis.find((k) => k.metricId === 'gross_sales');
    expect(cents(gross?.value ?? 0)).toBe(fixtureGross('2024-03-01', '2024-03-31'));
    expect(cents(gross?.previous ?? 0)).toBe(fixtureGross('2024-01-30', '2024-02-29'));
    expect(gross?.label).toBe('Gross sales');
  });

  it('GET /kpis with a region filter narrows to that region', async () => {
    const response = await get('/kpis?from=2024-01-01&to=2024-03-31&region=North');
    expectMatchesOpenApi('/kpis', response);
    const north = new Set(fixture.customers.filter((c) => c.region === 'North').map((c) => c.key));
    const expected = fixture.orders
      .filter((o) => o.isCounted && north.has(o.customerKey))
      .reduce((s, o) => s + o.lines.reduce((t, l) => t + l.quantity * l.unitPriceCents, 0), 0);
    const gross = (response.json as { kpis: { metricId: string; value: number }[] }).kpis.find((k) => k.metricId === 'gross_sales');
    expect(cents(gross?.value ?? 0)).toBe(expected);
  });

  it('GET /ltv/{days} equals the cohort engine and flags incomplete windows', async () => {
    for (const days of [7, 30, 90] as const) {
      const response = await get(`/ltv/${days}`);
      expect(response.status).toBe(200);
      expectMatchesOpenApi('/ltv/{days}', response);
      const body = response.json as { cohorts: { cohortMonth: string; ltv: number; isComplete: boolean }[]; incompleteCohorts: number; windowDays: number };
      expect(body.windowDays).toBe(days);
      const engine = cohortLtv(db(), filters({}), { windowDays: days });
      expect(body.cohorts.map((c) => [c.cohortMonth, c.ltv, c.isComplete])).toEqual(engine.series.rows.map((r) => [r[0], r[6], r[7]]));
      // A cohort is incomplete when some member's first purchase + window runs past the data.
      const firstDates = new Map<number, string>();
      for (const o of fixture.orders.filter((x) => x.isCounted)) {
        const known = firstDates.get(o.customerKey);
        if (!known || o.orderDate < known) firstDates.set(o.customerKey, o.orderDate);
      }
      const openMonths = new Set(
        [...firstDates.values()].filter((d) => Date.parse(d) + days * 86_400_000 > Date.parse(fixture.lastDate)).map((d) => d.slice(0, 7)),
      );
      expect(body.incompleteCohorts).toBe(openMonths.size);
    }
  });

  it('GET /inventory/risk equals the engine, day by day', async () => {
    const response = await get('/inventory/risk');
    expect(response.status).toBe(200);
    expectMatchesOpenApi('/inventory/risk', response);
    const engine = inventoryRisk(db(), filters({ compare: 'none' }));
    const days = (response.json as { days: { date: string; atRiskSkus: number; alertsRaised: number; alertsResolved: number }[] }).days;
    expect(days.length).toBeGreaterThan(0);
    expect(days.map((d) => [d.date, d.atRiskSkus, d.alertsRaised, d.alertsResolved])).toEqual(engine.series.rows);
  });

  it('GET /inventory/alerts?status=open|all', async () => {
    const open = await get('/inventory/alerts?status=open');
    expectMatchesOpenApi('/inventory/alerts', open);
    const all = await get('/inventory/alerts?status=all');
    expectMatchesOpenApi('/inventory/alerts', all);
    const skus = (r: HttpResponse) => (r.json as { alerts: { sku: string }[] }).alerts.map((a) => a.sku).sort();
    expect(skus(open)).toEqual(fixture.alerts.filter((a) => a.status === 'open').map((a) => a.sku).sort());
    expect(skus(all)).toEqual(fixture.alerts.map((a) => a.sku).sort());
    const engine = inventoryAlerts(db(), filters({}), { status: 'all', limit: 500 });
    expect((all.json as { alerts: { alertId: number }[] }).alerts.map((a) => a.alertId)).toEqual(engine.alerts.rows.map((r) => r[0]));
  });

  it('GET /customers/top?limit= equals the engine and the fixture’s best customer', async () => {
    const response = await get('/customers/top?limit=3&from=2024-01-01&to=2024-03-31');
    expect(response.status).toBe(200);
    expectMatchesOpenApi('/customers/top', response);
    const body = response.json as { customers: { customerId: string; netRevenue: number }[]; total: number };
    expect(body.customers).toHaveLength(3);
    const engine = topCustomers(db(), filters({ from: '2024-01-01', to: '2024-03-31' }), { search: '', sort: 'net_revenue', direction: 'desc', offset: 0, limit: 3 });
    expect(body.customers).toEqual(engine.rows);
    const netByCustomer = new Map<string, number>();
    for (const o of fixture.orders.filter((x) => x.isCounted)) {
      const id = fixture.customers.find((c) => c.key === o.customerKey)?.id ?? '';
      const net = o.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents - l.discountCents, 0) - refundsOf(fixture, o.orderKey);
      netByCustomer.set(id, (netByCustomer.get(id) ?? 0) + net);
    }
    const best = [...netByCustomer].sort((a, b) => b[1] - a[1])[0];
    expect(body.customers[0]?.customerId).toBe(best?.[0]);
    expect(cents(body.customers[0]?.netRevenue ?? 0)).toBe(best?.[1]);
  });

  it('GET /customers/{id} equals the engine; an unknown id is a 404 naming id', async () => {
    const response = await get('/customers/C001');
    expect(response.status).toBe(200);
    expectMatchesOpenApi('/customers/{id}', response);
    expect(response.json).toEqual(customerDetail(db(), 'C001'));
    const orders = (response.json as { orders: unknown[] }).orders;
    expect(orders).toHaveLength(fixture.orders.filter((o) => o.customerKey === 1).length);
    const missing = await get('/customers/NOBODY');
    expect(missing.status).toBe(404);
    expectMatchesOpenApi('/customers/{id}', missing);
    expect(missing.json).toMatchObject({ error: { code: 'NOT_FOUND', parameter: 'id' } });
  });

  it('GET /products/{sku}/recommendations: 409 until trained, then the models engine’s lists; unknown SKU 404', async () => {
    const untrained = await get('/products/SKU-A/recommendations');
    expect(untrained.status).toBe(409);
    expectMatchesOpenApi('/products/{sku}/recommendations', untrained);
    expect(untrained.json).toMatchObject({ error: { code: 'NOT_AVAILABLE', message: expect.stringMatching(/train/i) } });

    await temp.backend.jobs.run('model.recommend', { minCommon: 1 });
    const response = await get('/products/SKU-A/recommendations?limit=3');
    expect(response.status).toBe(200);
    expectMatchesOpenApi('/products/{sku}/recommendations', response);
    const body = response.json as { sku: string; name: string; similar: { sku: string; score: number }[]; boughtTogether: { sku: string }[] };
    expect(body).toMatchObject({ sku: 'SKU-A', name: 'Linen shirt' });
    expect(body.similar.map((p) => [p.sku, p.score])).toEqual(similarProducts(db(), 'SKU-A', 3).items.map((p) => [p.sku, p.score]));
    expect(body.boughtTogether.map((p) => p.sku)).toEqual(boughtTogetherProducts(db(), 'SKU-A', 3).items.map((p) => p.sku));
    expect(body.similar.length).toBeGreaterThan(0);
    expect(body.similar.every((p) => p.sku !== 'SKU-A')).toBe(true);

    const unknown = await get('/products/NOPE/recommendations');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: 'NOT_FOUND', parameter: 'sku' } });
  });

  it('GET /metrics/definitions is the metric registry', async () => {
    const response = await get('/metrics/definitions');
    expectMatchesOpenApi('/metrics/definitions', response);
    expect((response.json as { metrics: unknown[] }).metrics).toEqual(allMetricDefinitions());
  });
});

describe('refusals', () => {
  it.each([
    ['no header', {}],
    ['a wrong token', { token: 'sl_wrong' }],
    ['the right token with another scheme', { authorization: `Basic ${TOKEN}` }],
    ['a token one character short', { token: TOKEN.slice(0, -1) }],
  ])('401 with %s', async (_label, options) => {
    const response = await httpRequest(`${server.url}/kpis`, options);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expectMatchesOpenApi('/kpis', response);
  });

  it.each([
    ['/ltv/14', 'days'],
    ['/ltv/thirty', 'days'],
    ['/metrics/daily?from=2024-13-01', 'from'],
    ['/metrics/daily?to=yesterday', 'to'],
    ['/metrics/daily?from=2024-03-10&to=2024-03-01', 'from'],
    ['/kpis?currency=euro', 'currency'],
    ['/customers/top?limit=0', 'limit'],
    ['/customers/top?limit=ten', 'limit'],
    ['/inventory/alerts?status=closed', 'status'],
    ['/kpis?form=2024-01-01', 'form'],
    ['/metrics/daily?from=2020-01-01&to=2024-01-01', 'from'],
  ])('400 naming the parameter for %s', async (path, parameter) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: 'VALIDATION', parameter } });
    expect((response.json as { error: { message: string } }).error.message).toContain(parameter);
    expectMatchesOpenApi(path.startsWith('/ltv') ? '/ltv/{days}' : (path.split('?')[0] ?? ''), response);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])('405 for %s, with Allow: GET', async (method) => {
    for (const path of ['/kpis', '/customers/C001', '/nowhere']) {
      const response = await httpRequest(`${server.url}${path}`, { method, token: TOKEN, ...(method === 'HEAD' ? {} : { body: '{}' }) });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.allow).toBe('GET');
    }
  });

  it('refuses a non-loopback Host header (DNS rebinding) even with the right token', async () => {
    for (const host of [`evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, 'localhost', `192.168.1.5:${server.port}`]) {
      const response = await httpRequest(`${server.url}/kpis`, { token: TOKEN, host });
      expect(response.status, host).toBe(403);
      expect(response.json).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    const viaLocalhost = await httpRequest(`${server.url}/health`, { token: TOKEN, host: `localhost:${server.port}` });
    expect(viaLocalhost.status).toBe(200);
  });

  it('answers an unknown endpoint with a JSON 404', async () => {
    const response = await get('/orders');
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
