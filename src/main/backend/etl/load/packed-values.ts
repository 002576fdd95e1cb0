import type { SqlValue } from '../validate/validators';

/**
 * A batch's typed values as a few flat buffers, for the hop from the reader worker to the writer.
 * Structured-cloning an array of a few thousand strings and numbers costs the receiving thread
 * about what parsing them did, and that thread is the single SQLite writer: the load's critical
 * path. Packed, the writer receives one string and three typed arrays (moved, not copied) and
 * only cuts the strings out again.
 */
export interface PackedValues {
  /** Per value: NUMBER_VALUE, TEXT_VALUE, or 0 for NULL (a new Uint8Array is all zeros). */
  kinds: Uint8Array;
  numbers: Float64Array;
  /** Every string value back to back; `ends[i]` is where the i-th one stops. */
  text: string;
  ends: Uint32Array;
}

const NUMBER_VALUE = 1;
const TEXT_VALUE = 2;

export function packValues(values: readonly SqlValue[]): PackedValues {
  const kinds = new Uint8Array(values.length);
  let numberCount = 0;
  let textCount = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (typeof value === 'number') {
      kinds[i] = NUMBER_VALUE;
      numberCount += 1;
    } else if (typeof value === 'string') {
      kinds[i] = TEXT_VALUE;
      textCount += 1;
    }
  }
  const numbers = new Float64Array(numberCount);
  const ends = new Uint32Array(textCount);
  const texts = new Array<string>(textCount);
  let n = 0;
  let t = 0;
  let length = 0;
  for (let i = 0; i < values.length; i += 1) {
    const kind = kinds[i];
    if (kind === NUMBER_VALUE) {
      numbers[n++] = values[i] as number;
    } else if (kind === TEXT_VALUE) {
      const text = values[i] as string;
      length += text.length;
      texts[t] = text;
      ends[t++] = length;
    }
  }
  return { kinds, numbers, text: texts.join(''), ends };
}

export function unpackValues(packed: PackedValues): SqlValue[] {
  const { kinds, numbers, text, ends } = packed;
  const values = new Array<SqlValue>(kinds.length);
  let n = 0;
  let t = 0;
  let start = 0;
  for (let i = 0; i < kinds.length; i += 1) {
    const kind = kinds[i];
    if (kind === NUMBER_VALUE) {
      values[i] = numbers[n++] as number;
    } else if (kind === TEXT_VALUE) {
      const end = ends[t++] as number;
      values[i] = text.slice(start, end);
      start = end;
    } else {
      values[i] = null;
    }
  }
  return values;
}

/** The buffers postMessage can move to the other thread instead of copying. */
export function packedTransferables(packed: PackedValues): ArrayBuffer[] {
  return [packed.kinds.buffer, packed.numbers.buffer, packed.ends.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
