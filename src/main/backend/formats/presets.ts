import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { columnMappingSchema, type ColumnMapping, type MappingPreset } from '../../../shared/contract/formats';
import { AppError } from '../../../shared/result';
import { headerFingerprint } from './dialect';

/** Presets live next to the warehouse as one JSON file each, so they travel with it. */
export function presetsDirFor(warehousePath: string): string {
  return path.join(path.dirname(warehousePath), 'mapping-presets');
}

function fileNameFor(name: string): string {
  const slug = name.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug || 'preset'}.json`;
}

function parsePreset(text: string): MappingPreset | null {
  try {
    const value = JSON.parse(text) as Partial<MappingPreset>;
    const mapping = columnMappingSchema.safeParse(value.mapping);
    if (!mapping.success || typeof value.name !== 'string' || typeof value.headerFingerprint !== 'string') return null;
    return { name: value.name, headerFingerprint: value.headerFingerprint, header: Array.isArray(value.header) ? value.header.map(String) : [], mapping: mapping.data, savedAt: String(value.savedAt ?? '') };
  } catch {
    return null;
  }
}

export async function listPresets(dir: string): Promise<MappingPreset[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const presets: MappingPreset[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const preset = parsePreset(await readFile(path.join(dir, name), 'utf8').catch(() => ''));
    if (preset) presets.push(preset);
  }
  return presets;
}

export async function savePreset(dir: string, name: string, header: readonly string[], mapping: ColumnMapping, now = new Date()): Promise<MappingPreset> {
  if (header.length === 0) throw new AppError('VALIDATION', 'A preset needs the header of the file it maps, to recognise that file again.');
  const preset: MappingPreset = { name: name.trim(), headerFingerprint: headerFingerprint(header), header: [...header], mapping, savedAt: now.toISOString() };
  await mkdir(dir, { recursive: true });
  // Keep one preset per header: saving under a new name replaces the old one for that header.
  for (const existing of await listPresets(dir)) {
    if (existing.headerFingerprint === preset.headerFingerprint && existing.name !== preset.name) await rm(path.join(dir, fileNameFor(existing.name)), { force: true });
  }
  await writeFile(path.join(dir, fileNameFor(preset.name)), `${JSON.stringify(preset, null, 2)}\n`);
  return preset;
}

export async function deletePreset(dir: string, name: string): Promise<boolean> {
  const presets = await listPresets(dir);
  const found = presets.find((preset) => preset.name === name);
  if (!found) return false;
  await rm(path.join(dir, fileNameFor(found.name)), { force: true });
  return true;
}

export async function findPresetFor(dir: string | undefined, header: readonly string[]): Promise<MappingPreset | null> {
  if (!dir || header.length === 0) return null;
  const fingerprint = headerFingerprint(header);
  return (await listPresets(dir)).find((preset) => preset.headerFingerprint === fingerprint) ?? null;
}
