import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { encodeIcns, encodeIco } from './icon-containers';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

export function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
}

/**
 * Renders assets/icons/icon.svg to every PNG size (png/<n>x<n>.png, the layout electron-builder
 * reads for Linux), icon.png (1024), icon.ico (Windows) and icon.icns (macOS).
 */
export function buildIcons(iconsDir: string): string[] {
  const svg = readFileSync(path.join(iconsDir, 'icon.svg'), 'utf8');
  const pngDir = path.join(iconsDir, 'png');
  mkdirSync(pngDir, { recursive: true });
  const pngBySize = new Map<number, Buffer>();
  const written: string[] = [];
  for (const size of PNG_SIZES) {
    const png = renderPng(svg, size);
    pngBySize.set(size, png);
    const file = path.join(pngDir, `${size}x${size}.png`);
    writeFileSync(file, png);
    written.push(file);
  }
  const write = (name: string, data: Buffer): void => {
    writeFileSync(path.join(iconsDir, name), data);
    written.push(path.join(iconsDir, name));
  };
  write('icon.png', pngBySize.get(1024) ?? renderPng(svg, 1024));
  write('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: pngBySize.get(size) ?? renderPng(svg, size) }))));
  write('icon.icns', encodeIcns(pngBySize));
  return written;
}
