import { createTempBackend } from '../testing/temp-backend';
import { seedAnalyticsWarehouse } from '../api/testing/seed-star';
import { generateReport } from './generate-report';
const t = createTempBackend();
seedAnalyticsWarehouse(t.backend.db);
const r = generateReport(t.backend.db, { outDir: '/tmp/api-scratch/report', appVersion: '0.1.0' });
console.log(JSON.stringify(r, null, 1));
await t.dispose();
