import type { ClvSummaryDto, FitDto } from '../../../../shared/contract/models';
import { AppError } from '../../../../shared/result';
import { pearson } from '../core/stats';
import type { MleFit } from '../core/fit-mle';
import { dateOfDay, type CustomerOrders } from '../warehouse/load';
import { BG_NBD_PARAM_NAMES, conditionalExpectedPurchases, fitBgNbd, probabilityAlive } from './bg-nbd';
import { discountedClv } from './clv-value';
import { summariseCustomers } from './customer-summary';
import { conditionalExpectedSpend, fitGammaGamma, GAMMA_GAMMA_PARAM_NAMES } from './gamma-gamma';
import { errorFigures, naiveHoldoutPrediction } from './holdout';

export type TimeUnit = 'days' | 'weeks';

export interface ClvOptions {
  calibrationEndDay: number;
  /** Unit of x-free quantities t_x, T, the holdout length and the horizon; α scales with it. */
  timeUnit: TimeUnit;
  /** Prediction horizon in time units. */
  horizon: number;
  annualDiscountRate: number;
}

export interface ClvCustomerRow {
  customerKey: number;
  frequency: number;
  recency: number;
  age: number;
  historicalCents: number;
  meanRepeatSpend: number | null;
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  clv: number;
  holdoutPredicted: number | null;
  holdoutActual: number | null;
}

export type ClvSummaryCore = Omit<ClvSummaryDto, 'runId' | 'currency' | 'topCustomers'>;

const MIN_REPEAT_CUSTOMERS = 20;

function fitDto(fit: MleFit, names: readonly string[], customers: number): FitDto {
  return {
    parameters: names.map((name, i) => ({ name, estimate: fit.estimates[i]!, standardError: fit.standardErrors[i] ?? null })),
    logLikelihood: fit.logLikelihood,
    customers,
  };
}

export function trainClv(orders: CustomerOrders, options: ClvOptions, hooks: { progress: (done: number, total: number, phase: string) => void; check: () => void }): { summary: ClvSummaryCore; rows: ClvCustomerRow[] } {
  const unitDays = options.timeUnit === 'weeks' ? 7 : 1;
  let endDay = -Infinity;
  let startDay = Infinity;
  for (let i = 0; i < orders.length; i += 1) {
    endDay = Math.max(endDay, orders.days[i]!);
    startDay = Math.min(startDay, orders.days[i]!);
  }
  if (!(options.calibrationEndDay > startDay && options.calibrationEndDay < endDay)) {
    throw new AppError(
      'VALIDATION',
      `The calibration end must fall strictly between the first (${dateOfDay(startDay)}) and the last (${dateOfDay(endDay)}) order date.`,
      { calibrationEnd: dateOfDay(options.calibrationEndDay) },
    );
  }
  const check = hooks.check;

  // Calibration / holdout: fit on orders up to the calibration end, predict the rest.
  hooks.progress(0, 4, 'fitting BG/NBD on the calibration period');
  const calibration = summariseCustomers(orders, options.calibrationEndDay, unitDays, endDay);
  requireRepeatBuyers(calibration.x, 'calibration period');
  const calibrationFit = fitBgNbd(calibration, check);
  const holdoutLength = (endDay - options.calibrationEndDay) / unitDays;
  const predicted = Float64Array.from(calibration.x, (x, i) =>
    conditionalExpectedPurchases(calibrationFit.params, holdoutLength, x, calibration.tx[i]!, calibration.T[i]!),
  );
  const baseline = naiveHoldoutPrediction(calibration.x, calibration.T, holdoutLength);
  const holdoutByCustomer = new Map<number, number>();
  calibration.customerKeys.forEach((key, i) => holdoutByCustomer.set(key, i));

  // The stored predictions use everything up to the last order.
  hooks.progress(1, 4, 'fitting BG/NBD on all data');
  const full = summariseCustomers(orders, endDay, unitDays);
  requireRepeatBuyers(full.x, 'data');
  const bgNbd = fitBgNbd(full, check);
  hooks.progress(2, 4, 'fitting Gamma-Gamma');
  const spenders = [...full.x.keys()].filter((i) => full.x[i]! > 0 && full.meanRepeatCents[i]! > 0);
  const spend = { x: Float64Array.from(spenders, (i) => full.x[i]!), m: Float64Array.from(spenders, (i) => full.meanRepeatCents[i]! / 100) };
  const gammaGamma = fitGammaGamma(spend, check);
  if (gammaGamma.params.q <= 1) {
    throw new AppError('MODEL_NOT_CONVERGED', 'The Gamma-Gamma fit gave q ≤ 1, so mean spend per order is not finite; CLV cannot be computed from this data.', {
      ...gammaGamma.params,
    });
  }

  hooks.progress(3, 4, 'scoring customers');
  const rows: ClvCustomerRow[] = [];
  for (let i = 0; i < full.x.length; i += 1) {
    if ((i & 1023) === 0) check();
    const x = full.x[i]!;
    const history = { x, tx: full.tx[i]!, T: full.T[i]! };
    const meanRepeat = x > 0 ? full.meanRepeatCents[i]! / 100 : null;
    const expectedSpend = conditionalExpectedSpend(gammaGamma.params, meanRepeat !== null && meanRepeat > 0 ? x : 0, meanRepeat ?? 0);
    const calibrationIndex = holdoutByCustomer.get(full.customerKeys[i]!);
    rows.push({
      customerKey: full.customerKeys[i]!,
      frequency: x,
      recency: history.tx,
      age: history.T,
      historicalCents: full.totalCents[i]!,
      meanRepeatSpend: meanRepeat,
      pAlive: probabilityAlive(bgNbd.params, x, history.tx, history.T),
      expectedPurchases: conditionalExpectedPurchases(bgNbd.params, options.horizon, x, history.tx, history.T),
      expectedSpend,
      clv: discountedClv(bgNbd.params, history, expectedSpend, { horizon: options.horizon, unitDays, annualDiscountRate: options.annualDiscountRate }),
      holdoutPredicted: calibrationIndex === undefined ? null : predicted[calibrationIndex]!,
      holdoutActual: calibrationIndex === undefined ? null : calibration.holdoutPurchases[calibrationIndex]!,
    });
  }
  const nonFinite = rows.find((r) => !Number.isFinite(r.clv) || !Number.isFinite(r.pAlive) || !Number.isFinite(r.expectedPurchases));
  if (nonFinite) {
    throw new AppError('MODEL_NOT_CONVERGED', 'The fitted CLV model gave a non-finite prediction; try the other time unit or a longer calibration period.', {
      customerKey: nonFinite.customerKey,
    });
  }

  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  return {
    summary: {
      timeUnit: options.timeUnit,
      calibrationEnd: dateOfDay(options.calibrationEndDay),
      endDate: dateOfDay(endDay),
      holdoutLength,
      horizon: options.horizon,
      annualDiscountRate: options.annualDiscountRate,
      calibrationFit: fitDto(calibrationFit, BG_NBD_PARAM_NAMES, calibration.x.length),
      bgNbd: fitDto(bgNbd, BG_NBD_PARAM_NAMES, full.x.length),
      gammaGamma: fitDto(gammaGamma, GAMMA_GAMMA_PARAM_NAMES, spenders.length),
      holdout: {
        customers: calibration.x.length,
        model: errorFigures(predicted, calibration.holdoutPurchases),
        baseline: errorFigures(baseline, calibration.holdoutPurchases),
        baselineLabel: 'calibration repeat rate × holdout length',
      },
      customers: rows.length,
      historicalRevenue: sum(rows.map((r) => r.historicalCents)) / 100,
      predictedClv: sum(rows.map((r) => r.clv)),
      meanPAlive: rows.length > 0 ? sum(rows.map((r) => r.pAlive)) / rows.length : 0,
      // Gamma-Gamma assumes spend is independent of frequency; near 0 means the assumption holds.
      frequencyMonetaryCorrelation: pearson(spend.x, spend.m),
    },
    rows,
  };
}

function requireRepeatBuyers(x: Float64Array, where: string): void {
  const repeaters = x.filter((v) => v > 0).length;
  if (repeaters < MIN_REPEAT_CUSTOMERS) {
    throw new AppError(
      'NOT_AVAILABLE',
      `Only ${repeaters} customers bought more than once in the ${where}; predictive CLV needs at least ${MIN_REPEAT_CUSTOMERS}. Choose a later calibration end or import more history.`,
      { repeaters },
    );
  }
}
