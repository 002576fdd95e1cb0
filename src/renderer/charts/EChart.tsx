import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { useTheme } from '../theme/ThemeContext';
import { echarts } from './echarts-setup';
import { PALETTE } from './palette';

export interface EChartProps {
  /** Stable id: e2e tests read the chart's data through `window.__storelensCharts[id]`. */
  id: string;
  option: EChartsCoreOption;
  height?: number;
  ariaLabel: string;
  onClick?: (params: ECElementEvent) => void;
}

declare global {
  interface Window {
    __storelensCharts?: Record<
      string,
      {
        option: EChartsCoreOption;
        isRendered: boolean;
        /** performance.now() when ECharts finished drawing this option (no animation pending). */
        renderedAt?: number;
        /** Container-relative pixel of a data value, so tests can click a real bar or cell. */
        toPixel?: (seriesIndex: number, value: (number | string)[]) => number[] | null;
      }
    >;
  }
}


/** Live chart instances by id, so a chart's card can export it (getDataURL) without owning it. */
const instances = new Map<string, EChartsType>();

export function chartInstance(id: string): EChartsType | undefined {
  return instances.get(id);
}

/** ECharts keeps the previous theme when given an unknown name, so "light" is an empty theme object. */
const themeFor = (theme: 'light' | 'dark') => (theme === 'dark' ? 'dark' : {});

/**
 * The one ECharts wrapper: owns init, theme switches, resize and disposal, and publishes each
 * chart's option so tests assert data rather than pixels.
 *
 * Drawing cost is what makes page switches feel slow, so: one instance per chart for its whole
 * life (a theme switch repaints it with setTheme instead of re-creating it), no animation (on a
 * page of six charts the tweening frames cost more CPU than the charts and postpone the last
 * one's final picture by its duration), and no resize on the observer's first call, which only
 * reports the size init already used.
 */
export function EChart({ id, option, height = 320, ariaLabel, onClick }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const { resolvedTheme } = useTheme();
  const initialTheme = useRef(resolvedTheme);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const chart = echarts.init(element, themeFor(initialTheme.current), { renderer: 'canvas' });
    chartRef.current = chart;
    instances.set(id, chart);
    chart.on('click', (params) => clickRef.current?.(params as ECElementEvent));
    // 'finished' fires once a frame leaves nothing left to draw: the timing report's clock.
    chart.on('finished', () => {
      const entry = window.__storelensCharts?.[id];
      if (entry && entry.renderedAt === undefined) {
        entry.renderedAt = performance.now();
        performance.mark(`echart-drawn:${id}`);
      }
    });
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (box && Math.round(box.width) === chart.getWidth() && Math.round(box.height) === chart.getHeight()) return;
      chart.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      instances.delete(id);
      if (window.__storelensCharts) delete window.__storelensCharts[id];
    };
  }, [id]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || initialTheme.current === resolvedTheme) return;
    initialTheme.current = resolvedTheme;
    chart.setTheme(themeFor(resolvedTheme));
  }, [resolvedTheme]);

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
    const startedAt = performance.now();
    chart.setOption({ backgroundColor: 'transparent', color: PALETTE, animation: false, ...option }, { notMerge: true });
    // Shows up in DevTools' Performance panel and in the UI timing report's breakdown.
    performance.measure(`echart:${id}`, { start: startedAt });
  }, [option, id]);

  return <div ref={containerRef} className="echart" role="img" aria-label={ariaLabel} data-chart-id={id} style={{ height }} />;
}
