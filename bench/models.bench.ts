/**
 * Model benchmarks at the sizes of issue 7, on synthetic data (no warehouse I/O):
 *   recommend  5,000 products × 100,000 customers (≤ 15 s)
 *   rules      100,000 baskets over 2,000 items, min support 0.001 (≤ 10 s, ≤ 500 MB)
 *   clv        BG/NBD + Gamma-Gamma fits and scoring of 20,000 and 100,000 customers
 *   segments   k-means for k = 3..8 with silhouettes on 100,000 customers
 *   forecast   backtest + fit on 730 days and 24 months
 * Each model runs in its own child process so the peak RSS printed is that model's alone.
 * Run: npx tsx bench/models.bench.ts [--model recommend|rules|clv|segments|forecast]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { transactionsFromLists } from '../src/main/backend/ml/basket/transactions';
import { mineRules } from '../src/main/backend/ml/basket/train';
import { fitBgNbd, conditionalExpectedPurchases, probabilityAlive } from '../src/main/backend/ml/clv/bg-nbd';
import { discountedClv } from '../src/main/backend/ml/clv/clv-value';
import { fitGammaGamma, conditionalExpectedSpend } from '../src/main/backend/ml/clv/gamma-gamma';
import { simulateBgNbd, simulateGammaGammaSpend } from '../src/main/backend/ml/clv/simulate';
import { createRng, gamma, normal, poisson } from '../src/main/backend/ml/core/rng';
import { backtest, pickBest } from '../src/main/backend/ml/forecast/backtest';
import { methodsFor } from '../src/main/backend/ml/forecast/methods';
import { trainRecommender } from '../src/main/backend/ml/recommend/train';
import { simulatePurchases } from '../src/main/backend/ml/recommend/simulate';
import { trainSegments } from '../src/main/backend/ml/segments/train';
import type { CustomerOrders, PurchaseLines } from '../src/main/backend/ml/warehouse/load';

type Result = { model: string; size: string; seconds: number; detail: string };

const noop = () => undefined;

function benchRecommend(): Result {
  const sim = simulatePurchases({ users: 100_000, items: 5_000, groups: 50, meanLines: 10, days: 365, seed: 1 });
  // Consecutive lines of one customer on one day form a basket.
  const order = [...sim.users.keys()].sort((i, j) => sim.users[i]! - sim.users[j]! || sim.days[i]! - sim.days[j]!);
  const pick = (a: Int32Array) => Int32Array.from(order, (k) => a[k]!);
  const users = pick(sim.users);
  const items = pick(sim.items);
  const days = pick(sim.days);
  const baskets = new Int32Array(users.length);
  let basket = 0;
  for (let k = 1; k < users.length; k += 1) {
    if (users[k] !== users[k - 1] || days[k] !== days[k - 1]) basket += 1;
    baskets[k] = basket;
  }
  const lines: PurchaseLines = {
    users, items, days, baskets, length: users.length, basketCount: basket + 1,
    skus: Array.from({ length: 5_000 }, (_, i) => `SKU-${i}`),
    customerKeys: Array.from({ length: 100_000 }, (_, i) => i + 1),
  };
  const start = performance.now();
  const trained = trainRecommender(lines, { neighbors: 50, minCommon: 2, k1: 1.2, b: 0.75, testDays: 30, evaluationK: 10 }, { progress: noop, check: noop });
  const seconds = (performance.now() - start) / 1000;
  const m = trained.metrics;
  return {
    model: 'recommend',
    size: `5,000 products × 100,000 customers, ${lines.length.toLocaleString('en-US')} lines`,
    seconds,
    detail: `w ${m.popularityWeight}; hit@10 ${(100 * m.hitRate).toFixed(1)}% vs popularity ${(100 * m.baselineHitRate).toFixed(1)}%, precision@10 ${(100 * m.precision).toFixed(2)}% vs ${(100 * m.baselinePrecision).toFixed(2)}%`,
  };
}

function benchRules(): Result {
  const rng = createRng(2);
  const itemCount = 2_000;
  // Zipf popularity over items, plus 20 planted pairs that co-occur far above chance.
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 1; i <= itemCount; i += 1) cumulative.push((total += 1 / i ** 0.9));
  const draw = () => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = itemCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const baskets = Array.from({ length: 100_000 }, () => {
    const size = 1 + poisson(rng, 3);
    const basket = Array.from({ length: size }, draw);
    if (rng.next() < 0.05) {
      const pair = Math.floor(rng.next() * 20);
      basket.push(1000 + pair * 2, 1001 + pair * 2);
    }
    return basket;
  });
  const tx = transactionsFromLists(baskets, itemCount);
  const start = performance.now();
  const mined = mineRules(tx, { minSupport: 0.001, minConfidence: 0.5, minLift: 1, maxLength: 4 });
  const seconds = (performance.now() - start) / 1000;
  return {
    model: 'rules',
    size: `100,000 baskets × 2,000 items, min support 0.001`,
    seconds,
    detail: `${mined.frequentItemsets.toLocaleString('en-US')} frequent itemsets, ${mined.rules.length.toLocaleString('en-US')} rules (conf ≥ 0.5)`,
  };
}

function benchClv(customers: number): Result {
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const ages = Float64Array.from({ length: customers }, (_, i) => 30 + (i % 50));
  const data = simulateBgNbd(params, ages, 3);
  const m = simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, data.x, 4);
  const start = performance.now();
  const fit = fitBgNbd(data);
  const repeat = [...data.x.keys()].filter((i) => data.x[i]! > 0);
  const gg = fitGammaGamma({ x: Float64Array.from(repeat, (i) => data.x[i]!), m: Float64Array.from(repeat, (i) => m[i]!) });
  let clv = 0;
  for (let i = 0; i < customers; i += 1) {
    const history = { x: data.x[i]!, tx: data.tx[i]!, T: data.T[i]! };
    probabilityAlive(fit.params, history.x, history.tx, history.T);
    conditionalExpectedPurchases(fit.params, 52, history.x, history.tx, history.T);
    clv += discountedClv(fit.params, history, conditionalExpectedSpend(gg.params, history.x, m[i]!), { horizon: 52, unitDays: 7, annualDiscountRate: 0.1 });
  }
  const seconds = (performance.now() - start) / 1000;
  const p = fit.params;
  return {
    model: 'clv',
    size: `${customers.toLocaleString('en-US')} customers`,
    seconds,
    detail: `r ${p.r.toFixed(3)} α ${p.alpha.toFixed(3)} a ${p.a.toFixed(3)} b ${p.b.toFixed(3)} (true 0.243/4.414/0.793/2.426); Σ CLV ${clv.toFixed(0)}`,
  };
}

function benchSegments(): Result {
  const rng = createRng(5);
  const n = 100_000;
  const keys: number[] = [];
  const days: number[] = [];
  const net: number[] = [];
  for (let c = 0; c < n; c += 1) {
    const orders = 1 + poisson(rng, 1 + 3 * rng.next());
    const last = Math.floor(rng.next() * 700);
    for (let o = 0; o < orders; o += 1) {
      keys.push(c + 1);
      days.push(last - (orders - 1 - o) * 20);
      net.push(Math.round(100 * gamma(rng, 4, 0.05) * Math.exp(0.3 * normal(rng))));
    }
  }
  const orders: CustomerOrders = { customerKeys: Int32Array.from(keys), days: Int32Array.from(days), netCents: Float64Array.from(net), length: keys.length, customerIds: new Map() };
  const start = performance.now();
  const trained = trainSegments(orders, { candidates: [3, 4, 5, 6, 7, 8], seed: 42, silhouetteSample: 2_000 }, noop);
  const seconds = (performance.now() - start) / 1000;
  return { model: 'segments', size: '100,000 customers, k = 3..8', seconds, detail: `chose k = ${trained.k}; ${trained.segments.map((s) => `${s.name} ${s.size}`).join(', ')}` };
}

function benchForecast(): Result {
  const rng = createRng(6);
  const weekly = [0.8, 0.9, 1, 1, 1.1, 1.4, 0.8];
  const daily = Array.from({ length: 730 }, (_, t) => (5000 + 3 * t) * weekly[t % 7]! * (1 + 0.5 * Math.max(0, Math.cos((2 * Math.PI * (t - 340)) / 365)) ** 8) * (1 + 0.1 * normal(rng)));
  const start = performance.now();
  const dayScores = backtest(daily, methodsFor('day'), { horizon: 28, folds: 4 });
  const monthly = Array.from({ length: 24 }, (_, m) => daily.slice(Math.floor(m * 30.4), Math.floor((m + 1) * 30.4)).reduce((s, v) => s + v, 0));
  const monthScores = backtest(monthly, methodsFor('month'), { horizon: 3, folds: 3 });
  const seconds = (performance.now() - start) / 1000;
  return { model: 'forecast', size: '730 days + 24 months', seconds, detail: `day: ${pickBest(dayScores)?.method}, month: ${pickBest(monthScores)?.method}` };
}

const RUNS: Record<string, () => Result[]> = {
  recommend: () => [benchRecommend()],
  rules: () => [benchRules()],
  clv: () => [benchClv(20_000), benchClv(100_000)],
  segments: () => [benchSegments()],
  forecast: () => [benchForecast()],
};

const only = process.argv.indexOf('--model');
if (only >= 0) {
  const name = process.argv[only + 1] ?? '';
  const run = RUNS[name];
  if (!run) throw new Error(`unknown model ${name}; one of ${Object.keys(RUNS).join(', ')}`);
  const results = run();
  // maxRSS is in kilobytes and covers the whole child process: the model's peak alone.
  process.stdout.write(`${JSON.stringify({ results, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  console.log('model      size                                              seconds  peak MB  detail');
  for (const name of Object.keys(RUNS)) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--model', name], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      console.log(`${name.padEnd(10)} FAILED: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
      continue;
    }
    const { results, peakMb } = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { results: Result[]; peakMb: number };
    for (const r of results) {
      console.log(`${r.model.padEnd(10)} ${r.size.padEnd(50)} ${r.seconds.toFixed(2).padStart(7)}  ${peakMb.toFixed(0).padStart(7)}  ${r.detail}`);
    }
  }
}
