/**
 * Uploaded files are recognised by their bytes, not by their name or the browser's claim. Images are
 * re-encoded, which drops every metadata field (EXIF, GPS, XMP); PDFs are kept as they are.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'webp';

export function sniff(bytes: Uint8Array): FileKind | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

export interface CleanFile {
  content: Buffer;
  mime: string;
  extension: string;
  sha256: string;
}

export class UploadError extends Error {}

/**
 * The most pixels an uploaded image may have: a 50-megapixel phone photo or a 600 dpi A4 scan (35 MP) fits;
 * a small file that declares 30,000 × 30,000 pixels (a decompression bomb: gigabytes once decoded) does not.
 * Checked from the header before any decoding, and again by sharp while decoding (`limitInputPixels`).
 */
export const IMAGE_MAX_PIXELS = 50_000_000;
const TOO_MANY_PIXELS = `图片尺寸过大（超过 ${IMAGE_MAX_PIXELS / 1_000_000} 百万像素），请缩小后重新上传`;

/** Reads the image's declared size from its header only (sharp's metadata does not decode pixels). */
async function assertPixelBudget(bytes: Uint8Array, damaged: string) {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UploadError(damaged);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw new UploadError(damaged);
  // Every frame of an animated image is decoded.
  if (width * height * Math.max(1, meta.pages ?? 1) > IMAGE_MAX_PIXELS) throw new UploadError(TOO_MANY_PIXELS);
}

/**
 * A scan or photo of a document: PDF kept; images re-encoded as JPEG (max 2,400 px on the long side,
 * metadata removed). Throws UploadError with a Chinese message for anything else.
 */
export async function cleanDocument(bytes: Uint8Array, maxBytes: number): Promise<CleanFile> {
  if (bytes.byteLength === 0) throw new UploadError('文件为空');
  if (bytes.byteLength > maxBytes) throw new UploadError(`文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const kind = sniff(bytes);
  if (!kind) throw new UploadError('只接受 PDF、JPEG、PNG 或 WebP 格式的文件');
  let content: Buffer;
  if (kind === 'pdf') {
    content = Buffer.from(bytes);
  } else {
    await assertPixelBudget(bytes, '图片文件已损坏，无法读取');
    try {
      content = await sharp(bytes, { failOn: 'error', limitInputPixels: IMAGE_MAX_PIXELS })
        .rotate()
        .resize({ width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 85, mozjpeg: true })
        .toBuffer();
    } catch {
      throw new UploadError('图片文件已损坏，无法读取');
    }
  }
  const isPdf = kind === 'pdf';
  return {
    content,
    mime: isPdf ? 'application/pdf' : 'image/jpeg',
    extension: isPdf ? 'pdf' : 'jpg',
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** The ID-photo shape (3:4): the card shows `photo`, lists show `thumb`. */
export const PHOTO_SIZE = { width: 360, height: 480 } as const;
export const THUMB_SIZE = { width: 120, height: 160 } as const;

export interface CleanPhoto {
  photo: CleanFile;
  thumb: CleanFile;
}

/**
 * A practitioner's photo (SN 7): JPEG, PNG or WebP by its bytes, at most 5 MB, re-encoded to fixed sizes with
 * every metadata field (EXIF, GPS, XMP, ICC) removed. Throws UploadError with a Chinese message otherwise.
 */
export async function cleanPhoto(bytes: Uint8Array): Promise<CleanPhoto> {
  if (bytes.byteLength === 0) throw new UploadError('照片文件为空');
  if (bytes.byteLength > PHOTO_MAX_BYTES) throw new UploadError('照片不能超过 5 MB');
  const kind = sniff(bytes);
  if (!kind || kind === 'pdf') throw new UploadError('照片只接受 JPEG、PNG 或 WebP 格式');
  await assertPixelBudget(bytes, '照片文件已损坏，无法读取');
  const encode = async (size: { width: number; height: number }): Promise<CleanFile> => {
    const content = await sharp(bytes, { failOn: 'error', limitInputPixels: IMAGE_MAX_PIXELS })
      .rotate()
      .resize({ ...size, fit: 'cover', position: 'attention' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    return { content, mime: 'image/jpeg', extension: 'jpg', sha256: createHash('sha256').update(content).digest('hex') };
  };
  try {
    return { photo: await encode(PHOTO_SIZE), thumb: await encode(THUMB_SIZE) };
  } catch {
    throw new UploadError('照片文件已损坏，无法读取');
  }
}
