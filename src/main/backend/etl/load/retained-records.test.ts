import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source';
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

describe.each([true, false])('RetainedRecords (packed: %s)', (packs) => {
  it('gives back the raw text and fields of the rows asked for, exactly as read, in the order asked', () => {
    const retained = new RetainedRecords(packs);
    retained.keep(7, batch);
    expect(retained.take(7, [2, 0, 1, 4, 3])).toEqual([2, 0, 1, 4, 3].map((row) => ({ raw: batch[row]?.raw, fields: batch[row]?.fields })));
  });

  it('releases a batch once asked about it, and answers blanks for rows or batches it does not hold', () => {
    const retained = new RetainedRecords(packs);
    retained.keep(1, batch);
    expect(retained.take(1, [5, -1])).toEqual([{ raw: '', fields: [] }, { raw: '', fields: [] }]);
    expect(retained.take(1, [0])).toEqual([{ raw: '', fields: [] }]);
  });

  it('keepLatest forgets the batch `retain` batches older and keeps the ones in between', () => {
    const retained = new RetainedRecords(packs);
    for (let seq = 0; seq < 5; seq += 1) retained.keepLatest(seq, [record(seq + 2, [`O-${seq}`])], 3);
    expect(retained.take(1, [0])).toEqual([{ raw: '', fields: [] }]);
    expect(retained.take(2, [0])).toEqual([{ raw: 'O-2', fields: ['O-2'] }]);
    expect(retained.take(4, [0])).toEqual([{ raw: 'O-4', fields: ['O-4'] }]);
  });

  it('keeps an empty batch and clears everything on request', () => {
    const retained = new RetainedRecords(packs);
    retained.keep(0, []);
    retained.keep(1, batch);
    retained.clear();
    expect(retained.take(1, [0])).toEqual([{ raw: '', fields: [] }]);
    expect(retained.take(0, [])).toEqual([]);
  });
});
