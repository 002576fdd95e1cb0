import type { OpenApiDocument } from './openapi';

const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

interface ParameterDoc {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

function typeOf(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  if (schema.type === 'array') return `${typeOf((schema.items ?? {}) as Record<string, unknown>)}[]`;
  if (schema.format === 'date') return 'date YYYY-MM-DD';
  return String(schema.type ?? 'any');
}

function endpointSection(path: string, get: Record<string, unknown>, serverUrl: string): string {
  const parameters = (get.parameters ?? []) as ParameterDoc[];
  const metricIds = (get['x-metric-ids'] ?? []) as string[];
  const isPublic = Array.isArray(get.security) && get.security.length === 0;
  const exampleUrl = serverUrl + path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'days' ? '30' : `<${name}>`));
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td>${escapeHtml(typeOf(p.schema))}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
    )
    .join('');
  return `<section id="${escapeHtml(String(get.operationId))}">
  <h2><span class="verb">GET</span> <code>${escapeHtml(path)}</code></h2>
  <p>${escapeHtml(String(get.summary ?? ''))}</p>
  ${get.description ? `<p class="muted">${escapeHtml(String(get.description))}</p>` : ''}
  ${rows ? `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>type</th><th>meaning</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
  ${metricIds.length ? `<p class="muted">Metrics: ${metricIds.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')} (definitions at <code>/metrics/definitions</code>)</p>` : ''}
  <pre>curl${isPublic ? '' : ' -H "Authorization: Bearer $STORELENS_TOKEN"'} "${escapeHtml(exampleUrl)}"</pre>
</section>`;
}

/** A self-contained docs page (no script, no CDN) rendered from the served OpenAPI document. */
export function renderDocsPage(document: OpenApiDocument): string {
  const serverUrl = document.servers[0]?.url ?? '';
  const sections = Object.entries(document.paths)
    .map(([path, item]) => endpointSection(path, item.get, serverUrl))
    .join('\n');
  const toc = Object.entries(document.paths)
    .map(([path, item]) => `<li><a href="#${escapeHtml(String(item.get.operationId))}"><code>${escapeHtml(path)}</code></a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;max-width:900px;padding:24px;color:#1f2933}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px}
pre{background:#f3f4f6;padding:10px 12px;border-radius:6px;overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
section{border-top:1px solid #d1d5db;padding-top:8px;margin-top:24px}.verb{background:#0f766e;color:#fff;border-radius:4px;padding:1px 6px;font-size:13px}
.muted{color:#52606d}
</style></head><body>
<h1>${escapeHtml(document.info.title)} <small class="muted">v${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description)}</p>
<p>Every data endpoint needs <code>Authorization: Bearer &lt;token&gt;</code> (Settings → Local API, or the token <code>storelens serve</code> prints).
Errors are JSON <code>{"error":{"code","message","parameter"}}</code>: 400 bad input, 401 token, 403 non-loopback Host, 404 unknown id, 405 anything but GET.
The machine-readable description is at <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI ${escapeHtml(document.openapi)}).</p>
<ul>${toc}</ul>
${sections}
</body></html>`;
}
