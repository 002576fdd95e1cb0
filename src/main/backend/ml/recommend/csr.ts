/**
 * Compressed sparse rows: row r holds columns indices[offsets[r] .. offsets[r+1]) with their
 * values. The only matrix form the recommender uses: 100k customers × 5k products would be
 * 500M cells dense.
 */
export interface Csr {
  rowCount: number;
  colCount: number;
  offsets: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Builds a CSR from (row, col, value) triplets, summing duplicates; columns sorted within a row.
 * Bucketing by row and transposing twice is a counting sort: O(nnz) with no comparator sorts,
 * which matters at a million purchase lines.
 */
export function csrFromTriplets(rows: ArrayLike<number>, cols: ArrayLike<number>, values: ArrayLike<number>, rowCount: number, colCount: number): Csr {
  const offsets = new Int32Array(rowCount + 1);
  for (let k = 0; k < rows.length; k += 1) offsets[rows[k]! + 1] = offsets[rows[k]! + 1]! + 1;
  for (let r = 0; r < rowCount; r += 1) offsets[r + 1] = offsets[r + 1]! + offsets[r]!;
  const cursor = offsets.slice(0, rowCount);
  const indices = new Int32Array(rows.length);
  const bucketed = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k += 1) {
    const at = cursor[rows[k]!]!;
    cursor[rows[k]!] = at + 1;
    indices[at] = cols[k]!;
    bucketed[at] = values[k]!;
  }
  // Transposing twice leaves each row's columns sorted, so duplicates end up adjacent.
  const sorted = transpose(transpose({ rowCount, colCount, offsets, indices, values: bucketed }));
  const outOffsets = new Int32Array(rowCount + 1);
  const outIndices = new Int32Array(sorted.indices.length);
  const outValues = new Float64Array(sorted.indices.length);
  let written = 0;
  for (let r = 0; r < rowCount; r += 1) {
    const rowStart = written;
    for (let k = sorted.offsets[r]!; k < sorted.offsets[r + 1]!; k += 1) {
      if (written > rowStart && outIndices[written - 1] === sorted.indices[k]) {
        outValues[written - 1] = outValues[written - 1]! + sorted.values[k]!;
      } else {
        outIndices[written] = sorted.indices[k]!;
        outValues[written] = sorted.values[k]!;
        written += 1;
      }
    }
    outOffsets[r + 1] = written;
  }
  return { rowCount, colCount, offsets: outOffsets, indices: outIndices.slice(0, written), values: outValues.slice(0, written) };
}

export function transpose(m: Csr): Csr {
  const offsets = new Int32Array(m.colCount + 1);
  for (let k = 0; k < m.indices.length; k += 1) offsets[m.indices[k]! + 1] = offsets[m.indices[k]! + 1]! + 1;
  for (let c = 0; c < m.colCount; c += 1) offsets[c + 1] = offsets[c + 1]! + offsets[c]!;
  const cursor = offsets.slice(0, m.colCount);
  const indices = new Int32Array(m.indices.length);
  const values = new Float64Array(m.indices.length);
  // Rows are visited in order, so each transposed row comes out sorted.
  for (let r = 0; r < m.rowCount; r += 1) {
    for (let k = m.offsets[r]!; k < m.offsets[r + 1]!; k += 1) {
      const c = m.indices[k]!;
      const at = cursor[c]!;
      cursor[c] = at + 1;
      indices[at] = r;
      values[at] = m.values[k]!;
    }
  }
  return { rowCount: m.colCount, colCount: m.rowCount, offsets, indices, values };
}
