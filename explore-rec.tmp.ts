import { createTempBackend } from './src/main/backend/testing/temp-backend';
const t = createTempBackend();
await t.backend.jobs.run('demo.create', { preset: process.argv[2] ?? 'small', seed: 42 });
const r = await t.backend.jobs.run('model.recommend', {});
console.log(JSON.stringify((r.result as { metrics: unknown }).metrics, null, 1));
await t.dispose();
