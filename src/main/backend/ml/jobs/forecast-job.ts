import { z } from 'zod';
import type { ForecastDto } from '../../../../shared/contract/models';
import { defineJob } from '../../jobs/types';
import { dailySeries, monthlySeries } from '../forecast/series';
import { trainForecast } from '../forecast/train';
import { dominantCurrency, loadDailyNetRevenue } from '../warehouse/load';
import { runModelJob } from './model-run';

export const forecastParams = z
  .object({
    grain: z.enum(['day', 'month']).default('day'),
    /** Steps ahead: days or months; default 30 days or 3 months. */
    horizon: z.number().int().min(1).max(366).optional(),
    currency: z.string().length(3).optional(),
  })
  .strict();

export type ForecastStoredSummary = Omit<ForecastDto, 'runId'>;

/** Net revenue (counted orders, gross − discounts − refunds, by order date) in currency units. */
export const forecastJob = defineJob({
  kind: 'model.forecast',
  params: forecastParams,
  run(ctx) {
    const currency = dominantCurrency(ctx.db, ctx.params.currency);
    const grain = ctx.params.grain;
    const horizon = ctx.params.horizon ?? (grain === 'day' ? 30 : 3);
    return runModelJob(ctx, { model: 'forecast', variant: grain, parameters: { grain, horizon, currency } }, () => {
      ctx.progress(0, 1, 'loading revenue');
      const daily = dailySeries(loadDailyNetRevenue(ctx.db, currency).map((r) => ({ date: r.date, value: r.netCents / 100 })));
      const series = grain === 'day' ? daily : monthlySeries(daily);
      let folds = 0;
      const core = trainForecast(series, { grain, horizon, historyPoints: grain === 'day' ? 365 : 60 }, () => {
        ctx.throwIfCancelled();
        ctx.progress((folds += 1), 0, 'backtesting');
      });
      const summary: ForecastStoredSummary = { ...core, currency };
      return {
        metrics: { chosenMethod: core.chosenMethod, backtest: core.backtest, beatsSeasonalNaive: core.beatsSeasonalNaive },
        summary,
        resultTables: [],
        write: () => undefined,
      };
    });
  },
});
