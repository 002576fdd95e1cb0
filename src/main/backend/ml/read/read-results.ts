import type { ClvSummaryDto, CustomerClvDto, ForecastDto, ForecastGrain, SegmentsDto } from '../../../../shared/contract/models';
import type { Db } from '../../db/open';
import type { ClvStoredSummary } from '../jobs/clv-job';
import type { ForecastStoredSummary } from '../jobs/forecast-job';
import type { SegmentsStoredSummary } from '../jobs/segments-job';
import { latestSucceededRun } from '../warehouse/runs';

interface ClvRow {
  customer_id: string;
  name: string | null;
  frequency: number;
  recency: number;
  age: number;
  historical_cents: number;
  mean_repeat_spend: number | null;
  p_alive: number;
  expected_purchases: number;
  expected_spend: number;
  clv: number;
  holdout_predicted: number | null;
  holdout_actual: number | null;
}

/** A prediction with the customer's current name (the model stores keys, names may change). */
const CLV_ROWS = 'SELECT m.*, c.name AS name FROM model_clv_customers m LEFT JOIN dim_customer c ON c.customer_key = m.customer_key';

function toCustomerClv(r: ClvRow): CustomerClvDto {
  return {
    customerId: r.customer_id,
    name: r.name,
    frequency: r.frequency,
    recency: r.recency,
    age: r.age,
    historicalRevenue: r.historical_cents / 100,
    meanRepeatSpend: r.mean_repeat_spend,
    pAlive: r.p_alive,
    expectedPurchases: r.expected_purchases,
    expectedSpend: r.expected_spend,
    clv: r.clv,
    holdoutPredicted: r.holdout_predicted,
    holdoutActual: r.holdout_actual,
  };
}

export function clvSummary(db: Db, topN = 20): ClvSummaryDto | null {
  const run = latestSucceededRun<ClvStoredSummary>(db, 'clv', undefined, null);
  if (!run?.summary) return null;
  const top = db.prepare<[number, number], ClvRow>(`${CLV_ROWS} WHERE m.run_id = ? ORDER BY m.clv DESC LIMIT ?`).all(run.dto.runId, topN);
  return { ...run.summary, runId: run.dto.runId, topCustomers: top.map(toCustomerClv) };
}

export function customerClv(db: Db, customerId: string): CustomerClvDto | null {
  const run = latestSucceededRun(db, 'clv', undefined, null);
  if (!run) return null;
  const row = db.prepare<[number, string], ClvRow>(`${CLV_ROWS} WHERE m.run_id = ? AND m.customer_id = ?`).get(run.dto.runId, customerId);
  return row ? toCustomerClv(row) : null;
}

export function segments(db: Db): SegmentsDto | null {
  const run = latestSucceededRun<SegmentsStoredSummary>(db, 'segments', undefined, null);
  return run?.summary ? { ...run.summary, runId: run.dto.runId } : null;
}

export function forecast(db: Db, grain: ForecastGrain): ForecastDto | null {
  const run = latestSucceededRun<ForecastStoredSummary>(db, 'forecast', grain, null);
  return run?.summary ? { ...run.summary, runId: run.dto.runId } : null;
}
