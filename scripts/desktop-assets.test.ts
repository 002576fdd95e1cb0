import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './desktop/build-electron';
import { electronExecutable, electronPackageInfo } from './desktop/electron-runtime';
import { ICNS_TYPES } from './desktop/icon-containers';
import { PNG_SIZES } from './desktop/build-icons';
import { nativeBindingPath, prepareSourceCopy } from './desktop/native-sqlite';

const ICONS = path.join(REPO_ROOT, 'assets', 'icons');
const scratch = mkdtempSync(path.join(tmpdir(), 'storelens-native-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('committed icons', () => {
  it('has every PNG size at its stated dimensions', () => {
    for (const size of PNG_SIZES) {
      expect(pngSize(readFileSync(path.join(ICONS, 'png', `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
  });

  it('has an .ico whose directory points at PNGs of the listed sizes', () => {
    const ico = readFileSync(path.join(ICONS, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const entry = 6 + 16 * i;
      const width = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(pngSize(ico.subarray(offset, offset + length)).width).toBe(width);
      sizes.push(width);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has an .icns whose elements add up to its length and hold PNGs of the right size', () => {
    const icns = readFileSync(path.join(ICONS, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const seen: string[] = [];
    let at = 8;
    while (at < icns.length) {
      const type = icns.subarray(at, at + 4).toString('latin1');
      const length = icns.readUInt32BE(at + 4);
      const expected = ICNS_TYPES.find((t) => t.type === type)?.size;
      expect(pngSize(icns.subarray(at + 8, at + length)).width, type).toBe(expected);
      seen.push(type);
      at += length;
    }
    expect(at).toBe(icns.length);
    expect(seen).toEqual(ICNS_TYPES.map((t) => t.type));
  });
});

describe('native module for Electron', () => {
  it('keeps the Electron build under native/electron-<abi>', () => {
    const { abi } = electronPackageInfo(REPO_ROOT);
    expect(abi).toMatch(/^\d+$/);
    expect(nativeBindingPath(REPO_ROOT, abi)).toBe(path.join(REPO_ROOT, 'native', `electron-${abi}`, 'better_sqlite3.node'));
  });

  it("copies better-sqlite3's sources without its build and leaves node_modules' binary untouched", () => {
    const nodeBinary = path.join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const before = createHash('sha256').update(readFileSync(nodeBinary)).digest('hex');
    const mtime = statSync(nodeBinary).mtimeMs;
    const copy = prepareSourceCopy(REPO_ROOT, scratch);
    expect(existsSync(path.join(copy, 'binding.gyp'))).toBe(true);
    expect(existsSync(path.join(copy, 'src'))).toBe(true);
    expect(readdirSync(copy)).not.toContain('build');
    expect(createHash('sha256').update(readFileSync(nodeBinary)).digest('hex')).toBe(before);
    expect(statSync(nodeBinary).mtimeMs).toBe(mtime);
  });

  it('reads the Electron executable from path.txt without triggering a download', () => {
    const fakeElectron = mkdtempSync(path.join(scratch, 'electron-'));
    expect(electronExecutable(fakeElectron)).toBeNull();
  });
});
