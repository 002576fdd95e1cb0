import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { FONT_FAMILY } from './chart-style';

export interface ChartSize {
  width: number;
  height: number;
}

/** ECharts server-side rendering: no DOM, no canvas, the same chart library as the app. */
export function renderChartSvg(option: EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** PNG at 2× for sharp slides and e-mails; text uses the system fonts the SVG names. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY.split(',')[0] ?? 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
