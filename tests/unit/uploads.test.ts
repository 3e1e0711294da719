import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanDocument, cleanPhoto, IMAGE_MAX_PIXELS, PHOTO_MAX_BYTES, sniff, UploadError } from '@/lib/uploads/files';

const image = (fmt: 'jpeg' | 'png' | 'webp', size = 32) =>
  sharp({ create: { width: size, height: size, channels: 3, background: '#2a6' } })
    [fmt]()
    .withExif({ IFD0: { Artist: 'EXIF-ARTIST-MARKER' } })
    .toBuffer();

describe('uploaded files are recognised by their bytes', () => {
  it('knows PDF, JPEG, PNG and WebP whatever their name, and nothing else', async () => {
    expect(sniff(new TextEncoder().encode('%PDF-1.7\n…'))).toBe('pdf');
    expect(sniff(await image('jpeg'))).toBe('jpeg');
    expect(sniff(await image('png'))).toBe('png');
    expect(sniff(await image('webp'))).toBe('webp');
    expect(sniff(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniff(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniff(new Uint8Array())).toBeNull();
  });
});

describe('cleanDocument', () => {
  it('re-encodes images as JPEG without any metadata', async () => {
    for (const fmt of ['jpeg', 'png', 'webp'] as const) {
      const input = await image(fmt);
      expect(input.includes(Buffer.from('EXIF-ARTIST-MARKER'))).toBe(true);
      const out = await cleanDocument(input, 1024 * 1024);
      expect(out.mime).toBe('image/jpeg');
      expect(out.content.includes(Buffer.from('EXIF-ARTIST-MARKER'))).toBe(false);
      expect((await sharp(out.content).metadata()).exif).toBeUndefined();
      expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('shrinks very large images to at most 2,400 px on the long side', async () => {
    const big = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#fff' } }).png().toBuffer();
    const meta = await sharp((await cleanDocument(big, 10 * 1024 * 1024)).content).metadata();
    expect(meta.width).toBe(2400);
    expect(meta.height).toBe(800);
  });

  it('keeps a PDF as it is', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF');
    const out = await cleanDocument(pdf, 1024);
    expect(out.mime).toBe('application/pdf');
    expect(out.content.equals(Buffer.from(pdf))).toBe(true);
  });

  it('refuses empty, oversized, unknown and broken files with a Chinese message', async () => {
    await expect(cleanDocument(new Uint8Array(), 10)).rejects.toThrow(new UploadError('文件为空'));
    await expect(cleanDocument(new Uint8Array(3 * 1024 * 1024), 2 * 1024 * 1024)).rejects.toThrow('文件不能超过 2 MB');
    await expect(cleanDocument(new TextEncoder().encode('MZ executable'), 1024)).rejects.toThrow('只接受 PDF、JPEG、PNG 或 WebP 格式的文件');
    const truncated = (await image('png')).subarray(0, 40);
    await expect(cleanDocument(truncated, 1024)).rejects.toThrow('图片文件已损坏，无法读取');
  });
});

describe('cleanPhoto (SN 7 photos)', () => {
  it('re-encodes to the fixed card and thumbnail sizes without metadata', async () => {
    const input = await sharp({ create: { width: 1200, height: 900, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } } })
      .png()
      .withExif({ IFD0: { Artist: 'EXIF-ARTIST-MARKER' } })
      .toBuffer();
    const { photo, thumb } = await cleanPhoto(input);
    for (const [f, w, h] of [[photo, 360, 480], [thumb, 120, 160]] as const) {
      const meta = await sharp(f.content).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', w, h]);
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(f.content.includes(Buffer.from('EXIF-ARTIST-MARKER'))).toBe(false);
    }
  });

  it('refuses PDFs, other formats and files over 5 MB', async () => {
    await expect(cleanPhoto(new TextEncoder().encode('%PDF-1.4'))).rejects.toThrow('照片只接受 JPEG、PNG 或 WebP 格式');
    await expect(cleanPhoto(new TextEncoder().encode('GIF89a....'))).rejects.toThrow('照片只接受 JPEG、PNG 或 WebP 格式');
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    await expect(cleanPhoto(big)).rejects.toThrow('照片不能超过 5 MB');
  });
});

describe('an image that declares more pixels than a photo has', () => {
  /** A valid 1-bit grayscale PNG of width × height, all black: tens of kilobytes, hundreds of megabytes decoded. */
  function blackPng(width: number, height: number) {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = 1; // bit depth
    ihdr[9] = 0; // grayscale
    const raw = Buffer.alloc((Math.ceil(width / 8) + 1) * height); // filter byte 0 + zero pixels per row
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  }
  function crc32(b: Buffer) {
    let c = 0xffffffff;
    for (const byte of b) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  }

  it('is refused from its header with a Chinese message, not decoded', async () => {
    const bomb = blackPng(20_000, 20_000); // 400 megapixels
    expect(bomb.byteLength).toBeLessThan(PHOTO_MAX_BYTES);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(20_000);
    // The header check's own message: decoding under sharp's pixel limit would have failed as "damaged" instead.
    await expect(cleanPhoto(bomb)).rejects.toThrow(new UploadError(`图片尺寸过大（超过 ${IMAGE_MAX_PIXELS / 1_000_000} 百万像素），请缩小后重新上传`));
    await expect(cleanDocument(bomb, 10 * 1024 * 1024)).rejects.toThrow(/图片尺寸过大/);
  });

  it('a real photo well inside the limit still goes through', async () => {
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#468' } }).jpeg().toBuffer();
    expect((await cleanPhoto(photo)).photo.mime).toBe('image/jpeg');
  });
});
