import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { SqlValue } from '../validate/validators';
import { packValues, packedTransferables, unpackValues } from './packed-values';

describe('packValues / unpackValues', () => {
  it('round-trips strings, numbers and nulls in order, including empty, non-ASCII and edge numbers', () => {
    const values: SqlValue[] = ['O-1', 1, null, '', 'Zoë’s “café” 🛒', 0, -0.5, Number.MAX_SAFE_INTEGER, null, 'a,b\n"c"', -42, ''];
    const packed = packValues(values);
    expect(packed.numbers).toHaveLength(5);
    expect(packed.ends).toHaveLength(5);
    expect(unpackValues(packed)).toEqual(values);
  });

  it('survives the trip through a real MessageChannel with its buffers moved, not copied', async () => {
    const values: SqlValue[] = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `SKU-${i}` : i % 3 === 1 ? i * 1.25 : null));
    const packed = packValues(values);
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<unknown>((resolve) => port2.once('message', resolve));
    port1.postMessage(packed, packedTransferables(packed));
    // Moved: the sender's arrays are detached.
    expect(packed.kinds.byteLength).toBe(0);
    expect(unpackValues((await received) as typeof packed)).toEqual(values);
    port1.close();
  });

  it('packs an empty batch', () => {
    expect(unpackValues(packValues([]))).toEqual([]);
  });
});
