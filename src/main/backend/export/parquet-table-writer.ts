import { fileWriter, ParquetWriter, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import { AppError } from '../../../shared/result';
import type { DictionaryTable } from './data-dictionary';
import type { Cell } from './table-reader';

function schemaFor(table: DictionaryTable): SchemaElement[] {
  return [
    { name: 'root', num_children: table.columns.length },
    ...table.columns.map((c): SchemaElement => {
      const repetition_type = c.isNullable ? 'OPTIONAL' : 'REQUIRED';
      if (c.parquetType === 'INT64') return { name: c.column, type: 'INT64', repetition_type };
      if (c.parquetType === 'DOUBLE') return { name: c.column, type: 'DOUBLE', repetition_type };
      return { name: c.column, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type };
    }),
  ];
}

/** SQLite lets a non-STRICT column hold any type; a value that cannot keep its meaning is refused. */
function coerce(value: Cell, type: 'INT64' | 'DOUBLE' | 'STRING', where: () => string): bigint | number | string | null {
  if (value === null) return null;
  if (type === 'INT64') {
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  } else if (type === 'DOUBLE') {
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'number') return value;
  } else {
    if (typeof value === 'string') return value;
    if (typeof value === 'bigint' || typeof value === 'number') return String(value);
  }
  throw new AppError('VALIDATION', `Cannot export ${where()}: value ${String(value)} is not ${type}.`, { type });
}

/** One Parquet file per table; each batch becomes one row group, so memory stays bounded. */
export class ParquetTableWriter {
  private readonly writer: ParquetWriter;
  private rowsWritten = 0;

  constructor(
    file: string,
    private readonly table: DictionaryTable,
    createdBy: string,
  ) {
    this.writer = new ParquetWriter({ writer: fileWriter(file), schema: schemaFor(table), createdBy });
  }

  async writeRows(rows: readonly Cell[][]): Promise<void> {
    const columnData = this.table.columns.map((column, index): ColumnSource => {
      const data = rows.map((row, r) =>
        coerce(row[index] ?? null, column.parquetType, () => `${this.table.table}.${column.column} row ${this.rowsWritten + r + 1}`),
      );
      return { name: column.column, data, nullable: column.isNullable };
    });
    await this.writer.write({ columnData, rowGroupSize: rows.length });
    this.rowsWritten += rows.length;
  }

  async close(): Promise<void> {
    await this.writer.finish();
  }
}
