/**
 * Regenerates docs/api.md: starts the real API on the test fixture warehouse, runs each example
 * with the real `curl`, and writes the command and its actual response side by side.
 *   npx tsx src/main/backend/api/testing/write-api-docs.ts [docs/api.md]
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTempBackend } from '../../testing/temp-backend';
import { startApiServer } from '../server';
import { seedAnalyticsWarehouse } from './seed-star';

const EXAMPLES: { title: string; path: string; note?: string; curlArgs?: string[]; isPublic?: boolean }[] = [
  { title: 'Health', path: '/health' },
  { title: 'KPIs with the previous period', path: '/kpis?from=2024-03-01&to=2024-03-31&region=North,West' },
  { title: 'Daily metrics', path: '/metrics/daily?from=2024-03-18&to=2024-03-19' },
  { title: '30-day cohort LTV and retention', path: '/ltv/30' },
  { title: 'Open inventory alerts', path: '/inventory/alerts?status=open' },
  { title: 'SKUs at risk by day', path: '/inventory/risk' },
  { title: 'Top customers', path: '/customers/top?limit=2&from=2024-01-01&to=2024-03-31' },
  { title: 'One customer', path: '/customers/C004', note: 'Trimmed here to the first order only; the real response lists every order, return and review.' },
  { title: 'Recommendations for a product', path: '/products/SKU-A/recommendations?limit=2' },
  { title: 'Bad input names the parameter', path: '/ltv/14' },
  { title: 'from after to', path: '/metrics/daily?from=2024-03-10&to=2024-03-01' },
  { title: 'Unknown customer', path: '/customers/NOBODY' },
  { title: 'Missing token', path: '/kpis', isPublic: true },
  { title: 'Anything but GET', path: '/kpis', curlArgs: ['-X', 'POST'] },
  { title: 'DNS-rebinding guard', path: '/kpis', curlArgs: ['-H', 'Host: evil.example:8765'] },
];

function trimCustomer(body: unknown): unknown {
  const detail = body as { orders?: unknown[] };
  return Array.isArray(detail.orders) ? { ...detail, orders: detail.orders.slice(0, 1) } : body;
}

const target = path.resolve(process.argv[2] ?? 'docs/api.md');
const temp = createTempBackend('storelens-api-docs-');
seedAnalyticsWarehouse(temp.backend.db);
// Train the recommendation model so the recommendations example shows real lists.
await temp.backend.jobs.run('model.recommend', { minCommon: 1 });
const token = 'sl_EXAMPLE-token-shown-in-Settings-0000000000';
const server = await startApiServer({ warehousePath: temp.backend.warehousePath, port: 8765, getToken: () => token, appVersion: temp.backend.appVersion });
const sections: string[] = [];
try {
  for (const example of EXAMPLES) {
    const auth = example.isPublic ? [] : ['-H', 'Authorization: Bearer $STORELENS_TOKEN'];
    const shown = ['curl', '-s', '-w', "'\\n%{http_code}'", ...(example.curlArgs ?? []).map((a) => (a.includes(' ') ? `'${a}'` : a)), ...auth.map((a) => (a.includes(' ') ? `"${a}"` : a)), `"${server.url}${example.path}"`];
    // Async: the server runs in this process, so a blocking call would never get its answer.
    const { stdout: output } = await promisify(execFile)('sh', ['-c', shown.join(' ')], { env: { ...process.env, STORELENS_TOKEN: token }, encoding: 'utf8' });
    const lines = output.trimEnd().split('\n');
    const status = lines.pop() ?? '';
    const body = JSON.parse(lines.join('\n')) as unknown;
    const shownBody = example.path.startsWith('/customers/C') ? trimCustomer(body) : body;
    sections.push(
      `### ${example.title}\n\n\`\`\`sh\n${shown.join(' ').replace(" -w '\\n%{http_code}'", '')}\n\`\`\`\n\nHTTP ${status}${example.note ? ` (${example.note})` : ''}\n\n\`\`\`json\n${JSON.stringify(shownBody, null, 2)}\n\`\`\`\n`,
    );
  }
} finally {
  await server.close();
  await temp.dispose();
}

const intro = `# Storelens local API

A read-only HTTP API over the warehouse, for BI tools and scripts on the same computer. Every
figure comes from the same engine functions and metric definitions as the app's dashboards.

- Start it from **Settings → Local API** (off by default) or with \`storelens serve --port 8765\`,
  which prints the URL and the token and runs until Ctrl-C.
- It listens on \`127.0.0.1\` only, refuses any Host header but \`127.0.0.1:<port>\` or
  \`localhost:<port>\` (DNS-rebinding guard), and opens the warehouse read-only.
- Every data endpoint needs \`Authorization: Bearer <token>\`. The token is generated on first
  enable, shown in Settings, and can be regenerated (the old one stops working at once).
- \`GET /openapi.json\` (OpenAPI 3.1) and \`GET /docs\` need no token: they hold no data.
- Money is in currency units of \`meta.currency\`; amounts of different currencies are never added.
  Each response names the metric ids its figures follow; \`GET /metrics/definitions\` explains them.
- Errors are JSON \`{"error": {"code", "message", "parameter"}}\`: 400 bad input (naming the
  parameter), 401 token, 403 Host, 404 unknown id or path, 405 anything but GET, 501 not available.

## Examples

These were produced by \`npx tsx src/main/backend/api/testing/write-api-docs.ts\`, which runs the real
server on the test fixture warehouse and real \`curl\`; responses are pretty-printed.

`;
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, intro + sections.join('\n'));
process.stdout.write(`wrote ${target}\n`);
