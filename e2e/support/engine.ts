import type { APIRequestContext, Page } from '@playwright/test';
import { E2E_TOKEN } from './constants';

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Calls the backend as the app does (POST /api/invoke), from inside the page, with the e2e token. */
export async function invokeFromPage<T>(page: Page, method: string, args: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ method, args, token }) => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ method, args }),
      });
      return (await response.json()) as unknown;
    },
    { method, args, token: E2E_TOKEN },
  );
  return unwrap<T>(method, envelope as Envelope<T>);
}

/** The same call outside a page (setup), through Playwright's request context. */
export async function invokeFromRequest<T>(request: APIRequestContext, method: string, args: unknown): Promise<T> {
  const response = await request.post('/api/invoke', { headers: { authorization: `Bearer ${E2E_TOKEN}` }, data: { method, args } });
  return unwrap<T>(method, (await response.json()) as Envelope<T>);
}

function unwrap<T>(method: string, envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}
