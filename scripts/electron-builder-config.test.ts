import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './desktop/build-electron';

// js-yaml comes with electron-builder (the parser it uses for this very file) and ships no types.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  fileAssociations: { ext: string }[];
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; entitlements: string; entitlementsInherit: string };
  electronFuses: Record<string, boolean>;
}

const configText = readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const isValid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(isValid).toBe(true);
  });

  it('the schema check catches a broken config (control)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object);
    expect(validate({ ...config, asarUnpackk: ['x'] })).toBe(false);
    expect(validate({ ...config, linux: { target: 42 } })).toBe(false);
  });

  it('targets AppImage+deb, NSIS and dmg with the Storelens identity', () => {
    expect(config.productName).toBe('Storelens');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['csv']);
  });

  it('unpacks the native module and the workers, and ships sql/ beside the app', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'dist/electron/job-worker.js', 'dist/electron/reader-worker.js']));
    expect(config.extraResources).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'sql', to: 'sql' })]));
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false });
  });

  it('points at files that exist: icons, entitlements, resources', () => {
    const files = [config.linux.icon, config.win.icon, config.mac.icon, config.mac.entitlements, config.mac.entitlementsInherit, ...config.extraResources.map((r) => r.from)];
    for (const file of files) expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
  });
});
