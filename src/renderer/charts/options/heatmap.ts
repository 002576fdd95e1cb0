import type { CohortRetentionResult, Columnar } from '../../../shared/contract/analytics';
import { numberColumn, stringColumn } from './columnar';
import { truncatedLabel, type ValueFormatter } from './common';

/** One sequential scale for every heatmap; its light end still reads on the dark surface. */
const HEAT_COLOURS = ['#dbe4ff', '#7d95f5', '#2f4bd0'];
/** From this share on, a retention cell is dark enough for white labels; below it, dark labels. */
const DARK_CELL_SHARE = 0.6;

function visualRange(values: (number | null)[]): [number, number] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return finite.length ? [Math.min(0, ...finite), Math.max(...finite)] : [0, 1];
}

/** Region × category net sales; cells carry both names so a click can cross-filter either. */
export function regionCategoryHeatmapOption(regions: string[], categories: string[], cells: Columnar, format: ValueFormatter) {
  const region = stringColumn(cells, 'region');
  const category = stringColumn(cells, 'category');
  const value = numberColumn(cells, 'net_sales');
  const rank = numberColumn(cells, 'rank_in_region');
  const [min, max] = visualRange(value);
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (p: { data: { value: [number, number, number]; rank: number | null } }) =>
        `${regions[p.data.value[1]]} · ${categories[p.data.value[0]]}<br/><b>${format(p.data.value[2])}</b>${p.data.rank === 1 ? ' (top in region)' : ''}`,
    },
    xAxis: { type: 'category', data: categories, axisLabel: { ...truncatedLabel(90), rotate: categories.length > 6 ? 30 : 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: regions, axisLabel: truncatedLabel(110), splitArea: { show: true } },
    visualMap: { min, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160, formatter: (v: number) => format(v), inRange: { color: HEAT_COLOURS } },
    series: [
      {
        type: 'heatmap',
        name: 'Net sales',
        cursor: 'pointer',
        data: value.map((v, i) => ({
          value: [categories.indexOf(category[i] ?? ''), regions.indexOf(region[i] ?? ''), v ?? 0],
          region: region[i],
          category: category[i],
          rank: rank[i] ?? null,
          // The top category of each region is outlined, so "what sells where" reads at a glance.
          ...(rank[i] === 1 ? { itemStyle: { borderColor: '#f59e0b', borderWidth: 2 } } : {}),
        })),
        label: {
          show: categories.length <= 6 && regions.length <= 10,
          formatter: (p: { data: { value: [number, number, number] } }) => format(p.data.value[2]),
          fontSize: 10,
          color: '#fff',
          textBorderColor: 'rgba(15,23,42,0.75)',
          textBorderWidth: 2,
        },
      },
    ],
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Share of each category's sales by month of year: seasonality independent of category size. */
export function seasonalityOption(categories: string[], cells: Columnar) {
  const category = stringColumn(cells, 'category');
  const month = numberColumn(cells, 'month_of_year');
  const share = numberColumn(cells, 'share_of_category');
  const [, max] = visualRange(share);
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (p: { data: [number, number, number] }) => `${categories[p.data[1]]} · ${MONTHS[p.data[0]]}<br/><b>${(p.data[2] * 100).toFixed(1)} %</b> of the category's sales`,
    },
    xAxis: { type: 'category', data: MONTHS, splitArea: { show: true } },
    yAxis: { type: 'category', data: categories, axisLabel: truncatedLabel(110), splitArea: { show: true } },
    // `text` labels the scale's ends ([high, low]): a colour bar without figures cannot be read.
    visualMap: { min: 0, max, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 160, text: [`${(max * 100).toFixed(0)} %`, '0 %'], formatter: (v: number) => `${(v * 100).toFixed(0)} %`, inRange: { color: HEAT_COLOURS } },
    series: [
      {
        type: 'heatmap',
        name: 'Share of category',
        data: share.map((s, i) => [(month[i] ?? 1) - 1, categories.indexOf(category[i] ?? ''), s ?? 0]),
      },
    ],
  };
}

/**
 * Cohort retention by month offset. A cell whose month is not over yet is drawn as an unfinished
 * grey dashed cell labelled "…", never as 0 %: a young cohort has not churned, it has not had the
 * time. Unfinished cells are their own series so the colour scale never paints them.
 * Cells are plain [offset, cohort, share] arrays (object items cost ECharts a model per cell,
 * which made this the slowest chart of the Customers page on a multi-year store).
 */
export function cohortHeatmapOption(result: Pick<CohortRetentionResult, 'offsets' | 'cohorts'>) {
  const cohorts = result.cohorts.map((c) => c.cohortMonth);
  // Finished cells are split by shade so each half gets a label colour that reads on it.
  const lightCells: [number, number, number][] = [];
  const darkCells: [number, number, number][] = [];
  const unfinished: [number, number, number][] = [];
  result.cohorts.forEach((cohort, y) => {
    result.offsets.forEach((_, x) => {
      const share = cohort.retention[x] ?? null;
      if (share === null || cohort.isComplete[x] === false) unfinished.push([x, y, 0]);
      else (share >= DARK_CELL_SHARE ? darkCells : lightCells).push([x, y, share]);
    });
  });
  // Up to two years of cohorts by 13 months: each row stays ~16 px at the page's height, room for a 10 px label.
  const showLabels = result.offsets.length * cohorts.length <= 26 * 13;
  const cohortName = (p: { value: [number, number, number] }) =>
    `Cohort ${cohorts[p.value[1]]} (${result.cohorts[p.value[1]]?.customers ?? 0} customers)<br/>Month ${result.offsets[p.value[0]]}: `;
  const retentionSeries = (data: [number, number, number][], labelColour: string) => ({
    type: 'heatmap',
    name: 'Retention',
    data,
    tooltip: { formatter: (p: Parameters<typeof cohortName>[0]) => `${cohortName(p)}<b>${(p.value[2] * 100).toFixed(1)} %</b>` },
    label: { show: showLabels, fontSize: 10, color: labelColour, formatter: (p: { value: [number, number, number] }) => `${Math.round(p.value[2] * 100)}` },
  });
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
    tooltip: { confine: true },
    xAxis: { type: 'category', data: result.offsets.map((o) => `M${o}`), name: 'Months since first order', nameLocation: 'middle', nameGap: 26, splitArea: { show: true } },
    yAxis: { type: 'category', data: cohorts, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: 1, show: false, seriesIndex: [0, 1], inRange: { color: HEAT_COLOURS } },
    series: [
      retentionSeries(lightCells, '#1b1f27'),
      retentionSeries(darkCells, '#ffffff'),
      {
        type: 'heatmap',
        name: 'Not over yet',
        data: unfinished,
        itemStyle: { color: 'rgba(128,128,128,0.16)', borderColor: 'rgba(128,128,128,0.5)', borderType: 'dashed', borderWidth: 1 },
        tooltip: { formatter: (p: Parameters<typeof cohortName>[0]) => `${cohortName(p)}<i>not over yet</i>` },
        label: { show: showLabels, formatter: '…', color: '#888' },
      },
    ],
  };
}
