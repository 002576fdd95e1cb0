import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';
import { useTheme } from '../theme/ThemeContext';

export interface EChartProps {
  /** Stable id: e2e tests read the chart's data through `window.__storelensCharts[id]`. */
  id: string;
  option: echarts.EChartsCoreOption;
  height?: number;
  ariaLabel: string;
  onClick?: (params: echarts.ECElementEvent) => void;
}

declare global {
  interface Window {
    __storelensCharts?: Record<string, { option: echarts.EChartsCoreOption; isRendered: boolean }>;
  }
}

/**
 * The one ECharts wrapper: owns init, theme switches, resize and disposal, and publishes each
 * chart's option so tests assert data rather than pixels.
 */
export function EChart({ id, option, height = 320, ariaLabel, onClick }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const { resolvedTheme } = useTheme();
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const chart = echarts.init(element, resolvedTheme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => clickRef.current?.(params));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      if (window.__storelensCharts) delete window.__storelensCharts[id];
    };
  }, [resolvedTheme, id]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption({ backgroundColor: 'transparent', ...option }, { notMerge: true });
    window.__storelensCharts = window.__storelensCharts ?? {};
    window.__storelensCharts[id] = { option, isRendered: true };
  }, [option, resolvedTheme, id]);

  return <div ref={containerRef} className="echart" role="img" aria-label={ariaLabel} data-chart-id={id} style={{ height }} />;
}
