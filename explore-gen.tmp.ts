import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTempBackend } from './src/main/backend/testing/temp-backend';
const preset = process.argv[2] ?? 'small';
const t = createTempBackend();
let t0 = performance.now();
const demo = await t.backend.jobs.run('demo.create', { preset, seed: 42 });
console.log('demo', ((performance.now() - t0) / 1000).toFixed(1), 's', JSON.stringify(demo.result).slice(0, 300));
const manifest = JSON.parse(readFileSync(path.join(t.dir, 'landing-demo', 'manifest.json'), 'utf8'));
console.log('planted', JSON.stringify(manifest.models.bgnbd), JSON.stringify(manifest.models.gammaGamma), JSON.stringify(manifest.affinities.sets.slice(0, 8)));
for (const [kind, params] of [['model.recommend', {}], ['model.rules', { minSupport: 0.001, minConfidence: 0.3 }], ['model.clv', { timeUnit: 'days' }], ['model.segments', {}], ['model.forecast', { grain: 'day' }], ['model.forecast', { grain: 'month' }]] as const) {
  t0 = performance.now();
  try {
    const r = await t.backend.jobs.run(kind, params);
    console.log(kind, ((performance.now() - t0) / 1000).toFixed(1), 's', JSON.stringify((r.result as { metrics: unknown }).metrics).slice(0, 1500));
  } catch (e) { console.log(kind, 'FAILED', e); }
}
const rules = t.backend.db.prepare('SELECT antecedent, consequent, support, confidence, lift FROM model_rules ORDER BY rule_no LIMIT 15').all();
console.log(rules);
const clv = t.backend.db.prepare("SELECT summary FROM model_runs WHERE model='clv' AND status='succeeded'").get() as { summary: string } | undefined;
if (clv) { const s = JSON.parse(clv.summary); console.log(JSON.stringify(s.bgNbd), JSON.stringify(s.gammaGamma), JSON.stringify(s.holdout)); }
await t.dispose();
