import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rememberRecent } from './recent';
import { backupStamp, defaultBackupPath } from './backup';
import { withWarehouseExtension } from './locations';

describe('rememberRecent', () => {
  it('puts the opened warehouse first, drops its older entry and caps the list', () => {
    const a = path.resolve('/w/a.sqlite');
    const b = path.resolve('/w/b.sqlite');
    const c = path.resolve('/w/c.sqlite');
    expect(rememberRecent([a, b, c], b)).toEqual([b, a, c]);
    expect(rememberRecent([a, b], '/w/./c.sqlite', 2)).toEqual([c, a]);
  });
});

describe('file names', () => {
  it('stamps backups sortably and names them after the warehouse', () => {
    const when = new Date('2024-03-05T14:07:09.123Z');
    expect(backupStamp(when)).toBe('20240305-140709');
    expect(defaultBackupPath('/data/shop.sqlite', when)).toBe(path.join('/data', 'backups', 'shop-20240305-140709.sqlite'));
  });

  it('adds .sqlite to a name typed without an extension only', () => {
    expect(withWarehouseExtension('/x/my-shop')).toBe('/x/my-shop.sqlite');
    expect(withWarehouseExtension('/x/my-shop.db')).toBe('/x/my-shop.db');
  });
});
