import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source';
import { packRecords, unpackRecord } from './packed-records';
import { RetainedRecords } from './retained-records';

function record(line: number, fields: string[], raw = fields.join(',')): SourceRecord {
  return { entity: 'order_items', line, fields, raw };
}

const batch: SourceRecord[] = [
  record(2, ['O-1', '1', 'SKU-1', '2', '10.00', '0', '1.00']),
  record(3, ['O-1', '2', 'Zoë’s “café” 🛒', '', '', '', ''], 'O-1,2,"Zoë’s “café” 🛒",,,,'),
  record(4, ['O-2', '1', 'a,b\n"c"', '1', '5', '0', '0'], 'O-2,1,"a,b\n""c""",1,5,0,0'),
  record(5, []),
  record(6, ['', '', ''], ',,'),
];

const detailsOf = (records: readonly SourceRecord[], rows: readonly number[]) => rows.map((row) => ({ raw: records[row]?.raw, fields: records[row]?.fields }));

describe('packRecords', () => {
  it('round-trips raw text and fields, and grows past a slot too small without touching it', () => {
    const small = Buffer.alloc(16);
    const { packed, slot } = packRecords(batch, small);
    expect(slot).not.toBe(small);
    expect(small.equals(Buffer.alloc(16))).toBe(true);
    expect(batch.map((_, row) => unpackRecord(packed, row))).toEqual(detailsOf(batch, [0, 1, 2, 3, 4]));
    expect([-1, 5, 1.5].map((row) => unpackRecord(packed, row))).toEqual([null, null, null]);
  });

  it('keeps only the fields of rows whose raw text they rebuild, and the raw text of every other row', () => {
    const joined = (line: number, fields: string[], delimiter: string): SourceRecord => ({ ...record(line, fields, fields.join(delimiter)), rawJoinsFieldsWith: delimiter });
    const mixed = [joined(2, ['O-1', 'a b', ''], ','), ...batch, joined(9, ['O-9', 'x'], ';'), joined(10, ['O-10', 'Zoë', '🛒'], ',')];
    const { packed } = packRecords(mixed, Buffer.alloc(64 * 1024));
    expect(Array.from(packed.rawIsJoined)).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
    expect(mixed.map((_, row) => unpackRecord(packed, row))).toEqual(detailsOf(mixed, mixed.map((_, row) => row)));
    expect(unpackRecord(packed, 6)).toEqual({ raw: 'O-9;x', fields: ['O-9', 'x'] });
  });

  it('reuses a slot big enough, so a steady load allocates no buffers', () => {
    const roomy = Buffer.alloc(64 * 1024);
    const { packed, slot } = packRecords(batch, roomy);
    expect(slot).toBe(roomy);
    expect(packed.text.buffer).toBe(roomy.buffer);
    expect(unpackRecord(packed, 2)).toEqual(detailsOf(batch, [2])[0]);
  });
});

describe('RetainedRecords', () => {
  it('held as is: gives back the rows asked for in the order asked, then releases the batch', () => {
    const retained = new RetainedRecords();
    retained.keep(7, batch);
    expect(retained.take(7, [2, 0, 1, 4, 3])).toEqual(detailsOf(batch, [2, 0, 1, 4, 3]));
    expect(retained.take(7, [0])).toEqual([{ raw: '', fields: [] }]);
    expect(() => retained.keepLatest(8, batch)).toThrow(/retention window/);
  });

  it('keepLatest packs within its window: older batches survive while newer ones take the freed slots', () => {
    const retained = new RetainedRecords(3);
    const batches = Array.from({ length: 8 }, (_, seq) => [record(seq * 10, [`O-${seq}`, 'x'.repeat(seq * 40_000)]), ...batch]);
    for (let seq = 0; seq < 6; seq += 1) retained.keepLatest(seq, batches[seq] as SourceRecord[]);
    // The window holds 3, 4 and 5; 2 was forgotten when 5 took its slot.
    expect(retained.take(2, [0])).toEqual([{ raw: '', fields: [] }]);
    expect(retained.take(3, [0, 2])).toEqual(detailsOf(batches[3] as SourceRecord[], [0, 2]));
    retained.keepLatest(6, batches[6] as SourceRecord[]);
    retained.keepLatest(7, batches[7] as SourceRecord[]);
    expect(retained.take(5, [0, 3, 5])).toEqual(detailsOf(batches[5] as SourceRecord[], [0, 3, 5]));
    expect(retained.take(7, [0, 1])).toEqual(detailsOf(batches[7] as SourceRecord[], [0, 1]));
    expect(retained.take(6, [6, 0])).toEqual([{ raw: '', fields: [] }, ...detailsOf(batches[6] as SourceRecord[], [0])]);
  });

  it('clears everything on request', () => {
    const retained = new RetainedRecords(2);
    retained.keepLatest(0, []);
    retained.keepLatest(1, batch);
    retained.clear();
    expect(retained.take(1, [0])).toEqual([{ raw: '', fields: [] }]);
    expect(retained.take(0, [])).toEqual([]);
  });
});
