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
    __storelensCharts?: Record<
      string,
      {
        option: echarts.EChartsCoreOption;
        isRendered: boolean;
        renderedAt?: number;
        /** Container-relative pixel of a data value, so tests can click a real bar or cell. */
        toPixel?: (seriesIndex: number, value: (number | string)[]) => number[] | null;
      }
    >;
  }
}

/** One palette for both themes: distinct hues that keep contrast on white and on the dark surface. */
const PALETTE = ['#4f6bed', '#1fa39a', '#f59e0b', '#e5484d', '#8e6bd8', '#3fa7d6', '#7fa32f', '#d9627f', '#a47148', '#64748b'];

/** Live chart instances by id, so a chart's card can export it (getDataURL) without owning it. */
const instances = new Map<string, echarts.ECharts>();

export function chartInstance(id: string): echarts.ECharts | undefined {
  return instances.get(id);
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
    instances.set(id, chart);
    chart.on('click', (params) => clickRef.current?.(params));
    // The first frame drawn after an option lands: the timing report measures redraws with it.
    chart.on('rendered', () => {
      const entry = window.__storelensCharts?.[id];
      if (entry && entry.renderedAt === undefined) entry.renderedAt = performance.now();
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      instances.delete(id);
      if (window.__storelensCharts) delete window.__storelensCharts[id];
    };
  }, [resolvedTheme, id]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    window.__storelensCharts = window.__storelensCharts ?? {};
    window.__storelensCharts[id] = {
      option,
      isRendered: true,
      toPixel: (seriesIndex, value) => {
        const pixel: unknown = chart.convertToPixel({ seriesIndex }, value);
        return Array.isArray(pixel) ? (pixel as number[]) : null;
      },
    };
    chart.setOption({ backgroundColor: 'transparent', color: PALETTE, animationDuration: 300, ...option }, { notMerge: true });
  }, [option, resolvedTheme, id]);

  return <div ref={containerRef} className="echart" role="img" aria-label={ariaLabel} data-chart-id={id} style={{ height }} />;
}
