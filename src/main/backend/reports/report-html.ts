import type { KpiValue } from '../../../shared/contract/analytics';
import { METRICS, isMetricId } from '../../../shared/metrics';
import { escapeHtml, formatCount, formatMoney, formatPercent, formatSignedPercent } from './format';
import type { Insight } from './insights';
import type { ReportData } from './report-data';
import { REPORT_CSS } from './report-css';

export interface RenderedChart {
  id: string;
  title: string;
  svg: string | null;
  emptyNote: string;
  pngFile: string | null;
}

export interface ReportStamp {
  appVersion: string;
  generatedAt: string;
}

const TILE_METRICS = ['net_sales', 'gross_sales', 'orders', 'aov', 'customers', 'new_customers', 'returning_customer_rate', 'return_rate_value'];

function formatValue(kpi: KpiValue, currency: string | null, value: number | null): string {
  if (value === null) return '—';
  const unit = isMetricId(kpi.metricId) ? METRICS[kpi.metricId].unit : 'count';
  if (unit === 'currency') return formatMoney(value, currency);
  if (unit === 'percent') return formatPercent(value);
  return formatCount(value);
}

function changeBadge(kpi: KpiValue): string {
  if (kpi.change === null) return '<span class="change flat">no earlier period</span>';
  const definition = isMetricId(kpi.metricId) ? METRICS[kpi.metricId] : null;
  const isRate = definition?.unit === 'percent' || definition?.unit === 'ratio';
  const text = isRate ? `${kpi.change >= 0 ? '+' : '−'}${Math.abs(kpi.change * 100).toFixed(1)} pts` : formatSignedPercent(kpi.change);
  const isGood = kpi.change === 0 ? null : (kpi.change > 0) === (definition?.isHigherBetter ?? true);
  return `<span class="change ${isGood === null ? 'flat' : isGood ? 'good' : 'bad'}">${escapeHtml(text)}</span>`;
}

function kpiTiles(data: ReportData): string {
  return TILE_METRICS.map((id) => data.kpis.find((k) => k.metricId === id))
    .filter((k): k is KpiValue => k !== undefined)
    .map((kpi) => {
      const label = isMetricId(kpi.metricId) ? METRICS[kpi.metricId].label : kpi.metricId;
      return `<div class="tile" data-metric="${escapeHtml(kpi.metricId)}"><div class="label">${escapeHtml(label)}</div>
<div class="value">${escapeHtml(formatValue(kpi, data.currency, kpi.value))}</div>${changeBadge(kpi)}
<div class="prev">before: ${escapeHtml(formatValue(kpi, data.currency, kpi.previous))}</div></div>`;
    })
    .join('\n');
}

function chartFigure(chart: RenderedChart): string {
  if (chart.svg === null) {
    return `<figure class="chart empty" data-chart-empty="${escapeHtml(chart.id)}"><figcaption>${escapeHtml(chart.title)}</figcaption><p>${escapeHtml(chart.emptyNote)}</p></figure>`;
  }
  return `<figure class="chart" data-chart="${escapeHtml(chart.id)}">${chart.svg}</figure>`;
}

function table(headers: string[], rows: string[][], numericFrom: number): string {
  if (rows.length === 0) return '<p class="muted">Nothing in this period.</p>';
  const head = headers.map((h, i) => `<th${i >= numericFrom ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function topTables(data: ReportData): string {
  const customers = data.topCustomers.map((c) => [c.name ?? c.customerId, c.region ?? '—', formatCount(c.orders), formatMoney(c.netRevenue, data.currency)]);
  const at = (name: string) => data.topProducts.columns.indexOf(name);
  const products = data.topProducts.rows.map((r) => [
    String(r[at('sku')]),
    String(r[at('name')] ?? ''),
    formatCount(Number(r[at('units')])),
    formatMoney(Number(r[at('net_sales')]), data.currency),
  ]);
  return `<div class="half"><h2>Top customers</h2>${table(['Customer', 'Region', 'Orders', 'Net revenue'], customers, 2)}</div>
<div class="half"><h2>Top products</h2>${table(['SKU', 'Product', 'Units', 'Net sales'], products, 2)}</div>`;
}

function qualitySection(data: ReportData): string {
  const q = data.quality;
  const quarantine = q.openQuarantine > 0 ? ` ${formatCount(q.openQuarantine)} imported rows wait in quarantine.` : ' No rows wait in quarantine.';
  if (!q.hasRun) return `<p>No quality run yet: data-quality checks run with each import.${escapeHtml(quarantine)}</p>`;
  const status = q.isPassed ? `All ${q.checks} checks passed` : `${q.failed} of ${q.checks} checks failed`;
  const failures = q.failures.map((f) => `<li><b>${escapeHtml(f.name)}</b> (${escapeHtml(f.table)}${f.column ? `.${escapeHtml(f.column)}` : ''}): ${escapeHtml(f.detail)}</li>`).join('');
  return `<p>${escapeHtml(status)} in the latest run (${escapeHtml(q.ranAt ?? '')}).${escapeHtml(quarantine)}</p>${failures ? `<ul>${failures}</ul>` : ''}`;
}

/** The one-page memo: everything inline (styles, SVG charts), no script, nothing fetched. */
export function renderReportHtml(data: ReportData, charts: readonly RenderedChart[], insights: readonly Insight[], stamp: ReportStamp): string {
  const period = `${data.range.from} to ${data.range.to}`;
  const previous = data.previousRange ? `compared with ${data.previousRange.from} to ${data.previousRange.to}` : 'no comparison period';
  const rows = data.fingerprint.tables.reduce((s, t) => s + t.rows, 0);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Storelens report ${escapeHtml(period)}</title>
<style>${REPORT_CSS}</style></head>
<body><main class="page">
<header><div><h1>Store report</h1><p class="muted">${escapeHtml(period)} · ${escapeHtml(previous)} · amounts in ${escapeHtml(data.currency ?? '—')}</p></div>
<div class="brand">Storelens</div></header>
<section class="tiles">${kpiTiles(data)}</section>
<section class="insights"><h2>What stands out</h2><ol>${insights.map((i) => `<li data-insight="${i.id}">${escapeHtml(i.text)}</li>`).join('')}</ol></section>
<section class="charts">${charts.map(chartFigure).join('\n')}</section>
<section class="tables">${topTables(data)}</section>
<section class="quality"><h2>Data quality</h2>${qualitySection(data)}</section>
<footer class="stamp">Data fingerprint <code>${escapeHtml(data.fingerprint.hash)}</code> (${formatCount(rows)} rows, schema ${data.fingerprint.schemaVersion}, last import ${escapeHtml(data.fingerprint.lastIngestedAt ?? 'none')}) ·
Storelens ${escapeHtml(stamp.appVersion)} · generated ${escapeHtml(stamp.generatedAt)} · metric definitions: Storelens metric registry (Shopify-compatible where Shopify has one)</footer>
</main></body></html>
`;
}
