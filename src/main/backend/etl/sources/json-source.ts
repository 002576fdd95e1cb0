import { TextDecoder } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NATIVE_COLUMNS, type NativeEntity } from '../../../../shared/data-contract/native-format';
import { AppError } from '../../../../shared/result';
import { fileChunks } from '../../csv/csv-reader';
import type { RecordSource, SourceBatch, SourceRecord, SourceReject } from '../source';
import { entityFromFileName, matchNativeHeader } from './native-header';

const MAX_JSON_ARRAY_BYTES = 256 * 1024 * 1024;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function refuse(file: string, line: number | null, problem: string): AppError {
  const where = line === null ? '' : ` line ${line}:`;
  return new AppError('IMPORT_REFUSED', `${path.basename(file)}:${where} ${problem}; nothing from this file was loaded.`, { file, line, column: null });
}

/** Fields by name from one JSON object; the entity comes from the file name or the first object's keys. */
function toRecord(file: string, entity: NativeEntity, value: unknown, line: number, raw: string): SourceRecord | SourceReject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, column: null, reason: 'the line is not a JSON object', raw, code: 'malformed_row', entity };
  }
  const object = value as Record<string, unknown>;
  return { entity, line, fields: NATIVE_COLUMNS[entity].map((c) => cell(object[c])), raw };
}

function isRecord(value: SourceRecord | SourceReject): value is SourceRecord {
  return 'fields' in value;
}

function entityFor(file: string, first: unknown): NativeEntity {
  const named = entityFromFileName(file);
  if (named) return named;
  const keys = typeof first === 'object' && first !== null ? Object.keys(first) : [];
  const mapping = matchNativeHeader(file, keys);
  if (!mapping) throw refuse(file, 1, 'the objects do not carry the columns of any Storelens entity (name the file after the entity, e.g. orders.ndjson)');
  return mapping.entity;
}

/** Newline-delimited JSON: one object per line, streamed. */
export function ndjsonSource(file: string, firstLine: string, onChunk?: (chunk: Uint8Array) => void, batchRows = 8192): RecordSource {
  const { chunks, bytesRead } = fileChunks(file, onChunk);
  let first: unknown = null;
  try {
    first = JSON.parse(firstLine);
  } catch {
    // A bad first line is quarantined like any other; the file name must then name the entity.
  }
  const entity: NativeEntity = entityFor(file, first);
  return {
    file,
    format: 'native-ndjson',
    entities: [entity],
    bytesRead,
    async *batches(): AsyncGenerator<SourceBatch> {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let carry = '';
      let line = 0;
      let batch: SourceBatch = { records: [], rejects: [] };
      const take = (text: string): void => {
        line += 1;
        const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
        if (raw.trim() === '') return;
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch (error) {
          batch.rejects.push({ line, column: null, reason: `not valid JSON: ${(error as Error).message}`, raw, code: 'malformed_row', entity });
          return;
        }
        const shaped = toRecord(file, entity, value, line, raw);
        if (isRecord(shaped)) batch.records.push(shaped);
        else batch.rejects.push(shaped);
      };
      for await (const chunk of chunks) {
        let text: string;
        try {
          text = carry + decoder.decode(chunk, { stream: true });
        } catch {
          throw refuse(file, line + 1, 'the file is not valid UTF-8');
        }
        const parts = text.split('\n');
        carry = parts.pop() ?? '';
        for (const part of parts) take(part);
        if (batch.records.length + batch.rejects.length >= batchRows) {
          yield batch;
          batch = { records: [], rejects: [] };
        }
      }
      if (carry !== '') take(carry);
      if (batch.records.length + batch.rejects.length > 0) yield batch;
    },
  };
}

/** A JSON array of objects (or { "<entity>": [...] }): read whole, so it is size-capped. */
export function jsonArraySource(file: string, onChunk?: (chunk: Uint8Array) => void): RecordSource {
  const size = statSync(file).size;
  if (size > MAX_JSON_ARRAY_BYTES) throw refuse(file, null, 'a JSON array this large cannot be streamed; export it as NDJSON (one object per line) instead');
  const bytes = readFileSync(file);
  onChunk?.(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw refuse(file, null, `not valid JSON (${(error as Error).message})`);
  }
  let items: unknown[];
  let entity: NativeEntity;
  if (Array.isArray(parsed)) {
    items = parsed;
    entity = entityFor(file, items[0]);
  } else if (typeof parsed === 'object' && parsed !== null && Object.keys(parsed).length === 1) {
    const [key, value] = Object.entries(parsed)[0] as [string, unknown];
    const named = entityFromFileName(`${key}.json`);
    if (!named || !Array.isArray(value)) throw refuse(file, null, 'expected an array of objects, or { "<entity>": [ … ] }');
    items = value;
    entity = named;
  } else {
    throw refuse(file, null, 'expected an array of objects, or { "<entity>": [ … ] }');
  }
  return {
    file,
    format: 'native-ndjson',
    entities: [entity],
    bytesRead: () => size,
    async *batches(): AsyncGenerator<SourceBatch> {
      const batch: SourceBatch = { records: [], rejects: [] };
      // Without line information in an array, the 1-based item number stands in for the line.
      items.forEach((item, i) => {
        const shaped = toRecord(file, entity, item, i + 1, JSON.stringify(item));
        if (isRecord(shaped)) batch.records.push(shaped);
        else batch.rejects.push(shaped);
      });
      await Promise.resolve();
      yield batch;
    },
  };
}
