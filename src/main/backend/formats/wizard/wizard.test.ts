import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DryRunResult, FilePreview, FileDetection, MappingPreset } from '../../../../shared/contract/formats';
import { dispatch } from '../../dispatch';
import { createTempBackend, type TempBackend } from '../../testing/temp-backend';
import { presetsDirFor } from '../presets';

const FIXTURE = new URL('../fixtures/marketplace-pt.csv', import.meta.url).pathname;
const MAPPING = JSON.parse(readFileSync(new URL('../fixtures/marketplace-pt.mapping.json', import.meta.url), 'utf8')) as Record<string, unknown>;

let temp: TempBackend;
beforeAll(() => {
  temp = createTempBackend();
});
afterAll(() => temp.dispose());

async function call<T>(method: string, args: unknown): Promise<T> {
  const envelope = await dispatch(temp.backend, method, args);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as T;
}

describe('mapping wizard through the contract', () => {
  it('inspect proposes a mapping and previews the first rows with it, flagging dates it cannot read yet', async () => {
    const { detection, preview } = await call<{ detection: FileDetection; preview: FilePreview }>('formats.inspect', { path: FIXTURE });
    expect(detection.proposedEntity).toBe('flat_order_lines');
    expect(preview.sourceRows).toHaveLength(10);
    expect(preview.rows).toHaveLength(10);
    // The proposal has no date format (ambiguous) and no currency: every row says so.
    expect(preview.rows[0]!.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'created_at', column: 'Data', reason: expect.stringContaining('set the date format') }),
        expect.objectContaining({ field: 'currency', reason: 'currency is empty' }),
      ]),
    );
  });

  it('preview with the mapping parses every cell, and flags a bad one with its reason', async () => {
    const preview = await call<FilePreview>('formats.preview', { path: FIXTURE, mapping: MAPPING });
    expect(preview.rows.every((row) => row.issues.length === 0)).toBe(true);
    expect(preview.rows[1]!.values).toMatchObject({ created_at: '2024-03-05T14:22:00-03:00', unit_price: '1234.56', currency: 'BRL' });
    const broken = await call<FilePreview>('formats.preview', { path: FIXTURE, mapping: { ...MAPPING, decimalSeparator: '.' } });
    const flagged = broken.rows.find((row) => row.line === 2)!;
    expect(flagged.issues).toContainEqual({ field: 'unit_price', column: 'Preço unitário', reason: expect.stringContaining('decimal comma') });
  });

  it('dry run counts rows that would load, repeat and be quarantined, and writes nothing', async () => {
    const file = path.join(temp.dir, 'marketplace-with-problems.csv');
    const rows = readFileSync(FIXTURE, 'utf8').trimEnd().split('\r\n');
    // A re-sent line (same order, same content) and a row with an impossible date.
    const extra = [rows[1]!, 'MP-1009;31/02/2024;Rita;rita@example.com;CAM-001;Camiseta;1;49,90;0,00;0,00;Site'];
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, [...rows, ...extra].join('\r\n'));
    const before = temp.backend.db.prepare('SELECT count(*) AS n FROM fct_orders').get() as { n: number };
    const { files } = await call<DryRunResult>('formats.dryRun', { paths: [file], mapping: MAPPING });
    const [result] = files;
    expect(result).toMatchObject({ format: 'mapped', rowsRead: 12, quarantined: 1, refusal: null });
    expect(result!.quarantineReasons).toEqual([{ reason: expect.stringContaining('day 31, which month 2 does not have'), count: 1, example: { line: 13, column: 'Data' } }]);
    // 11 good rows: 10 distinct lines + the re-sent one, which lands as line 3 of MP-1001.
    expect(result!.wouldLoad).toMatchObject({ orders: 8, order_items: 11 });
    const after = temp.backend.db.prepare('SELECT count(*) AS n FROM fct_orders').get() as { n: number };
    expect(after.n).toBe(before.n);
  });

  it('dry run of a file it cannot read reports the refusal instead of failing the call', async () => {
    const { files } = await call<DryRunResult>('formats.dryRun', { paths: [path.join(temp.dir, 'nope.csv')] });
    expect(files[0]!.refusal).toMatch(/nope\.csv: the file does not exist/);
  });

  it('saves a preset, re-applies it to a file with the same header, and deletes it', async () => {
    const header = readFileSync(FIXTURE, 'utf8').split('\r\n')[0]!.split(';');
    const saved = await call<MappingPreset>('formats.presets.save', { name: 'Marketplace BR', header, mapping: MAPPING });
    expect(existsSync(path.join(presetsDirFor(temp.backend.warehousePath), 'marketplace-br.json'))).toBe(true);
    expect(await call<MappingPreset[]>('formats.presets.list', {})).toEqual([saved]);
    const copy = path.join(temp.dir, 'another-month.csv');
    copyFileSync(FIXTURE, copy);
    const { detection, preview } = await call<{ detection: FileDetection; preview: FilePreview }>('formats.inspect', { path: copy });
    expect(detection).toMatchObject({ format: 'mapped', preset: { name: 'Marketplace BR' }, openQuestions: [] });
    expect(detection.proposedMapping).toEqual(saved.mapping);
    expect(preview.rows.every((row) => row.issues.length === 0)).toBe(true);
    const { files } = await call<DryRunResult>('formats.dryRun', { paths: [copy] });
    expect(files[0]).toMatchObject({ format: 'mapped', quarantined: 0, wouldLoad: { orders: 8, order_items: 10 } });
    expect(await call<{ isDeleted: boolean }>('formats.presets.delete', { name: 'Marketplace BR' })).toEqual({ isDeleted: true });
    expect(await call<MappingPreset[]>('formats.presets.list', {})).toEqual([]);
  });
});
