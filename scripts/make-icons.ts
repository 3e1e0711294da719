/**
 * `npm run icons`: draws the platform's emblem — a white house with a check mark (a property service that keeps
 * its word) on the brand blue — and writes the files of public/ that browsers and home screens ask for:
 *
 *   public/icon.svg               the emblem itself (modern browsers' tab icon)
 *   public/favicon.ico            16, 32 and 48 px PNGs in one ICO (what /favicon.ico requests get)
 *   public/icon-192.png, icon-512.png    the web app manifest's icons (rounded corners)
 *   public/icon-maskable-512.png  the manifest's maskable icon (full bleed, the house inside the safe circle)
 *   public/apple-touch-icon.png   180 px, square and opaque (iOS rounds it itself)
 *
 * The generated files are committed; run this again only when the emblem changes. Shapes only, no text: the
 * result does not depend on the fonts of the machine that draws it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const BRAND = '#1e3a8a'; // --color-brand-800
const ACCENT = '#1e40af'; // --color-brand-700

/** The emblem on a 512 × 512 canvas. `radius` rounds the background; `scale` shrinks the house toward the centre. */
function emblemSvg({ radius, scale }: { radius: number; scale: number }): string {
  const t = `translate(256 256) scale(${scale}) translate(-256 -256)`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">',
    `<rect width="512" height="512" rx="${radius}" fill="${BRAND}"/>`,
    `<g transform="${t}">`,
    // Roof with eaves, then the walls.
    '<path d="M256 92 L440 250 L386 250 L386 420 L126 420 L126 250 L72 250 Z" fill="#ffffff" stroke="#ffffff" stroke-width="12" stroke-linejoin="round"/>',
    `<path d="M180 326 L236 380 L334 276" fill="none" stroke="${ACCENT}" stroke-width="40" stroke-linecap="round" stroke-linejoin="round"/>`,
    '</g>',
    '</svg>',
  ].join('');
}

/** An ICO holding PNG images (Vista and later, and every current browser, read PNG entries). */
function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function png(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg)).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

async function main() {
  const out = path.join(process.cwd(), 'public');
  mkdirSync(out, { recursive: true });
  const rounded = emblemSvg({ radius: 96, scale: 1 });
  const square = emblemSvg({ radius: 0, scale: 1 });
  // The maskable safe zone is the centred circle of 40 % radius: the house's farthest corner must fall inside it.
  const maskable = emblemSvg({ radius: 0, scale: 0.78 });
  const files: [string, Buffer][] = [
    ['icon.svg', Buffer.from(rounded + '\n')],
    ['icon-192.png', await png(rounded, 192)],
    ['icon-512.png', await png(rounded, 512)],
    ['icon-maskable-512.png', await png(maskable, 512)],
    ['apple-touch-icon.png', await png(square, 180)],
    ['favicon.ico', icoFromPngs(await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await png(rounded, size) }))))],
  ];
  for (const [name, data] of files) {
    writeFileSync(path.join(out, name), data);
    console.log(`public/${name}  ${data.length} bytes`);
  }
}

await main();
