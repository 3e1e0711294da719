/**
 * Demo photos for the demo city's staff (issue 16): plainly fictional — a flat silhouette on a coloured ground
 * with the person's surname and the words 演示照片, never a face. One image pair per surname is rendered per
 * seed run; the database copies it into each person's own attachment rows (one INSERT … SELECT, so thousands of
 * rows cost no bytes over the wire), as an upload would, so every photo route and scope check works unchanged.
 * Pending entries keep none: they stand for bulk-imported rows whose photo the company has yet to add (the
 * review queue flags them; approval waits for it).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Tx } from '../client';
import { SURNAMES } from './names';

const GROUNDS = ['#1e40af', '#047857', '#9d174d', '#7c2d12', '#4c1d95', '#0f766e', '#854d0e', '#334155'];
/** A few flat colours compress to a few kilobytes. */
const PNG = { palette: true, colours: 8, dither: 0, compressionLevel: 9 } as const;
/** Half the size of an uploaded photo (lib/uploads/files.ts): enough for a card and a badge, and cheap to copy. */
const PHOTO = { width: 180, height: 240 } as const;
const THUMB = { width: 90, height: 120 } as const;
const FONT = 'Noto Sans CJK SC, Noto Serif CJK SC, sans-serif';

function svgFor(surname: string, ground: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO.width}" height="${PHOTO.height}" viewBox="0 0 360 480">
<rect width="360" height="480" fill="${ground}"/>
<circle cx="180" cy="190" r="92" fill="#f1f5f9"/>
<path d="M20 480 C20 350 90 300 180 300 C270 300 340 350 340 480 Z" fill="#f1f5f9"/>
<text x="180" y="222" font-size="96" text-anchor="middle" fill="${ground}" font-family="${FONT}" font-weight="bold">${surname}</text>
<text x="180" y="440" font-size="34" text-anchor="middle" fill="${ground}" font-family="${FONT}">演示照片</text>
</svg>`;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The photo and thumb of one surname; the thumb is scaled from the raster, not re-rendered. */
export async function renderDemoPhoto(surname: string): Promise<{ photo: Buffer; thumb: Buffer }> {
  const ground = GROUNDS[parseInt(sha(Buffer.from(surname)).slice(0, 8), 16) % GROUNDS.length]!;
  const raster = await sharp(Buffer.from(svgFor(surname, ground))).raw().toBuffer({ resolveWithObject: true });
  const from = () => sharp(raster.data, { raw: raster.info });
  const [photo, thumb] = await Promise.all([from().png(PNG).toBuffer(), from().resize(THUMB).png(PNG).toBuffer()]);
  return { photo, thumb };
}

/** Inserts the photos of every approved and archived person and sets their `photo_id`; returns how many people. */
export async function insertDemoPhotos(tx: Tx): Promise<number> {
  const surnames = SURNAMES.map(([s]) => s);
  const rendered = await Promise.all(surnames.map(renderDemoPhoto));
  const values = sql.join(
    rendered.map(({ photo, thumb }, i) => sql`(${surnames[i]}, ${photo}::bytea, ${sha(photo)}, ${thumb}::bytea, ${sha(thumb)})`),
    sql`, `,
  );
  // Ids from the person's id (md5 → uuid): the same seed gives the same ids.
  await tx.execute(sql`
    with d(surname, photo, photo_sha, thumb, thumb_sha) as (values ${values}),
    k(kind, filename) as (values ('photo', '证件照.png'), ('thumb', '证件照-小.png'))
    insert into attachments (id, owner_type, owner_id, kind, filename, mime, size, sha256, content, created_at)
    select md5(k.kind || ':' || p.id::text)::uuid, 'practitioner', p.id, k.kind, k.filename, 'image/png',
           octet_length(case k.kind when 'photo' then d.photo else d.thumb end),
           case k.kind when 'photo' then d.photo_sha else d.thumb_sha end,
           case k.kind when 'photo' then d.photo else d.thumb end,
           p.created_at
      from practitioners p join d on d.surname = left(p.name, 1) cross join k
     where p.status <> 'pending'`);
  const updated = await tx.execute(sql`
    update practitioners p set photo_id = a.id
      from attachments a
     where a.id = md5('photo:' || p.id::text)::uuid and p.photo_id is null`);
  return rowCount(updated);
}

function rowCount(r: unknown): number {
  const x = r as { count?: number; affectedRows?: number; rowCount?: number };
  return Number(x.count ?? x.affectedRows ?? x.rowCount ?? 0);
}
