import { rmSync } from 'node:fs';
import path from 'node:path';
import { NATIVE_LOAD_ORDER } from './src/shared/data-contract/native-format';
import { openWarehouse } from './src/main/backend/db/open';
import { runImport } from './src/main/backend/etl/import-run';
const FLAT = process.argv[2]!;
const w = '/tmp/imp/dbg7.sqlite';
for (const s of ['', '-wal', '-shm']) rmSync(w + s, { force: true });
const db = openWarehouse(w);
let last = performance.now(); let lastPhase = '';
const t0 = performance.now();
const r = await runImport(db, { kind: 'files', source: FLAT, files: NATIVE_LOAD_ORDER.map((e) => path.join(FLAT, `${e}.csv`)), progress: (d, t, phase) => {
  if (phase !== lastPhase) { const now = performance.now(); console.log(`${((now - t0) / 1000).toFixed(1)}s ${lastPhase} took ${((now - last) / 1000).toFixed(1)}s -> ${phase}`); last = now; lastPhase = phase; }
} });
console.log('total', ((performance.now() - t0) / 1000).toFixed(1), r.stageMs, r.transformMs, r.qualityMs, JSON.stringify(r.transform?.stepMs));
for (const f of r.files) console.log(path.basename(f.path), f.rowsRead, f.parseMs.toFixed(0), f.validateMs.toFixed(0), f.stageMs.toFixed(0));
