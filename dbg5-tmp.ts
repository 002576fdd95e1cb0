import { createReadStream, readFileSync } from 'node:fs';
import { CsvScanner } from './src/main/backend/csv/csv-scanner';
const file = '/tmp/storelens-bench-import-1000000/flat/order_items.csv';
const text = readFileSync(file, 'utf8');
for (let i = 0; i < 2; i++) {
  let t = performance.now();
  let s = new CsvScanner(file); let n = 0;
  for (let i = 0; i < text.length; i += 1 << 20) n += s.push(text.slice(i, i + (1 << 20))).length;
  console.log('mem', (performance.now() - t).toFixed(0), n);
  t = performance.now(); n = 0;
  s = new CsvScanner(file);
  for await (const c of createReadStream(file, { highWaterMark: 1 << 20 })) n += s.push((c as Buffer).toString('latin1')).length;
  console.log('stream', (performance.now() - t).toFixed(0), n);
  t = performance.now(); n = 0;
  const chunks: string[] = [];
  for await (const c of createReadStream(file, { highWaterMark: 1 << 20 })) chunks.push((c as Buffer).toString('latin1'));
  console.log('read only', (performance.now() - t).toFixed(0));
  t = performance.now();
  s = new CsvScanner(file);
  for (const c of chunks) n += s.push(c).length;
  console.log('scan of pre-read chunks', (performance.now() - t).toFixed(0), n);
}
