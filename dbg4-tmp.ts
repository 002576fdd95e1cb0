import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { CsvScanner } from './src/main/backend/csv/csv-scanner';
const file = '/tmp/storelens-bench-import-1000000/flat/order_items.csv';
async function run(name: string, decode: (b: Buffer) => string) {
  const t = performance.now();
  const s = new CsvScanner(file); let n = 0;
  for await (const c of createReadStream(file, { highWaterMark: 1 << 20 })) n += s.push(decode(c as Buffer)).length;
  console.log(name, (performance.now() - t).toFixed(0), n);
}
const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const global = new globalThis.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
for (let i = 0; i < 2; i++) {
  await run('toString', (b) => b.toString('utf8'));
  await run('latin1', (b) => b.toString('latin1'));
  await run('util fatal', (b) => fatal.decode(b, { stream: true }));
  await run('global fatal', (b) => global.decode(b, { stream: true }));
}
