import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import type { ReactNode } from 'react';
import type { AppError } from '../../shared/result';
import { chartInstance, EChart } from '../charts/EChart';
import { downloadUrl, fileSlug } from '../lib/csv';
import { useTheme } from '../theme/ThemeContext';
import { MetricInfo } from './MetricInfo';
import { StateSwitch } from './StateViews';

interface ChartCardProps {
  id: string;
  title: string;
  subtitle?: string;
  metricId?: string;
  state: { isLoading: boolean; error: AppError | null; reload(): void };
  /** null while there is nothing to draw yet. */
  option: EChartsCoreOption | null;
  emptyReason?: string | null;
  height?: number;
  onClick?: (params: ECElementEvent) => void;
  actions?: ReactNode;
  footer?: ReactNode;
  className?: string;
}

/** A titled panel around one chart: states, the ⓘ definition and PNG export. */
export function ChartCard({ id, title, subtitle, metricId, state, option, emptyReason, height = 300, onClick, actions, footer, className }: ChartCardProps) {
  const { resolvedTheme } = useTheme();
  function exportPng() {
    const chart = chartInstance(id);
    if (!chart) return;
    // An opaque background: a transparent PNG pasted into a document loses dark-theme text.
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: resolvedTheme === 'dark' ? '#171b23' : '#ffffff' });
    downloadUrl(`${fileSlug(title)}.png`, url);
  }
  return (
    <section className={`panel chart-card ${className ?? ''}`} aria-label={title} data-card={id}>
      <header className="card-header">
        <div>
          <h2>
            {title}
            {metricId && <MetricInfo metricId={metricId} />}
          </h2>
          {subtitle && <p className="muted small">{subtitle}</p>}
        </div>
        <div className="card-actions">
          {actions}
          <button type="button" className="ghost" onClick={exportPng} disabled={!option || Boolean(emptyReason)} aria-label={`Export ${title} as PNG`}>
            PNG
          </button>
        </div>
      </header>
      {/* An empty answer is an answer: with a reason and nothing to draw, say why instead of loading forever. */}
      <StateSwitch state={state} hasData={option !== null || Boolean(emptyReason)} emptyReason={emptyReason} height={height}>
        {() => option && <EChart id={id} option={option} height={height} ariaLabel={title} onClick={onClick} />}
      </StateSwitch>
      {footer}
    </section>
  );
}
