import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * Only the chart types and components the option builders use: the full bundle is three times
 * the size and its parse time lands on the first page that draws a chart. A builder that starts
 * using a new series type or component must add it here (ECharts then draws nothing for it).
 * LabelLayout backs `hideOverlap`; LegacyGridContainLabel backs `grid.containLabel` in ECharts 6.
 */
echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  DataZoomComponent,
  LabelLayout,
  LegacyGridContainLabel,
  CanvasRenderer,
]);

export { echarts };
