import { readFileSync } from 'node:fs';
import { CsvScanner } from './src/main/backend/csv/csv-scanner';
const file = '/tmp/storelens-bench-import-1000000/flat/order_items.csv';
const text = readFileSync(file, 'utf8');
const t = performance.now();
const s = new CsvScanner(file); let n = 0;
for (let i = 0; i < text.length; i += 1 << 20) n += s.push(text.slice(i, i + (1 << 20))).length;
console.log('mem', (performance.now() - t).toFixed(0), n);
