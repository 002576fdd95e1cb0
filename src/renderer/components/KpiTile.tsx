import type { KpiValue } from '../../shared/contract/analytics';
import { isMetricId, metricDefinition } from '../../shared/metrics';
import { describeChange, formatMetricValue, formatMoney, type CurrencyDisplay } from '../lib/format';
import { MetricInfo } from './MetricInfo';

export function KpiTile({ kpi, currency, display, hasComparison }: { kpi: KpiValue; currency: string | null; display: CurrencyDisplay; hasComparison: boolean }) {
  if (!isMetricId(kpi.metricId)) return null;
  const metric = metricDefinition(kpi.metricId);
  const change = describeChange(kpi.change, metric.unit, metric.isHigherBetter);
  const exact = formatMetricValue(kpi.value, metric.unit, currency, display);
  const isLarge = metric.unit === 'currency' && kpi.value !== null && Math.abs(kpi.value) >= 1_000_000;
  return (
    <div className="kpi-tile" data-metric={kpi.metricId} role="group" aria-label={metric.label}>
      <div className="kpi-label">
        {metric.label}
        <MetricInfo metricId={kpi.metricId} />
      </div>
      {/* Millions are shown compact so the tile never cuts digits; the exact figure is the title. */}
      <div className="kpi-value" data-testid={`kpi-${kpi.metricId}`} title={exact} data-exact={exact}>
        {isLarge ? formatMoney(kpi.value, currency, display, true) : exact}
      </div>
      {hasComparison && (
        <div className={`kpi-change tone-${change.tone}`} title={`Previous period: ${formatMetricValue(kpi.previous, metric.unit, currency, display)}`}>
          {kpi.previous === null || (kpi.previous === 0 && kpi.change === null) ? (
            <span className="muted">no data in previous period</span>
          ) : (
            <>
              {change.arrow} {change.text} <span className="muted">vs previous</span>
            </>
          )}
        </div>
      )}
    </div>
  );
}
