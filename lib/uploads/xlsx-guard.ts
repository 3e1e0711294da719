/**
 * An .xlsx is a zip: 8 MB on the wire can inflate to gigabytes, and ExcelJS inflates and models the whole workbook
 * in memory. Before ExcelJS sees a file we walk the zip with yauzl and refuse it when it has too many entries,
 * declares too much uncompressed data, compresses one entry suspiciously well, or inflates to more than it
 * declared; while inflating the worksheets we count their rows and cells and stop at the cap. Only a workbook
 * proven small this way is loaded.
 *
 * Why not ExcelJS's streaming WorkbookReader for the rows: it does not read pictures anchored in cells, which
 * the import needs for the 证件照 column; counting the worksheets' `<row>` and `<c>` elements here bounds what
 * the full load can build, and the import still counts the filled rows exactly afterwards.
 */
import yauzl from 'yauzl';

export interface XlsxCaps {
  /** Zip entries (parts): a roster has about a dozen, plus one per picture. */
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes, declared and (checked while inflating) actual. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed of one entry, checked for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** `<row>` elements over all worksheets, empty formatted rows included. */
  maxRows: number;
  /** `<c>` elements over all worksheets. */
  maxCells: number;
}

export type XlsxVerdict =
  | { ok: true; entries: number; uncompressedBytes: number; rows: number; cells: number }
  | { ok: false; reason: 'corrupt' | 'entries' | 'size' | 'ratio' | 'rows' };

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
// `<row …>`, `<row>`, `<x:row …>`; `<c …>` likewise (never `<col`, `<cols`, `<cfRule`).
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g;
const CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g;
/** Longest tag prefix we match, kept between chunks so that a tag split across two chunks is still counted. */
const CARRY = 40;

class Refused extends Error {
  constructor(readonly reason: Exclude<XlsxVerdict, { ok: true }>['reason']) {
    super(reason);
  }
}

function count(re: RegExp, text: string) {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Inspects the zip without loading it whole into any model; never throws. */
export async function inspectXlsx(bytes: Uint8Array, caps: XlsxCaps): Promise<XlsxVerdict> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err || !z ? reject(err) : resolve(z))),
    );
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  // The central directory states the entry count before anything is read.
  if (zip.entryCount > caps.maxEntries) {
    zip.close();
    return { ok: false, reason: 'entries' };
  }
  let entries = 0;
  let declared = 0;
  let inflated = 0;
  let rows = 0;
  let cells = 0;

  const inflate = (entry: yauzl.Entry, onChunk?: (chunk: Buffer) => void) =>
    new Promise<void>((resolve, reject) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('no stream'));
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          try {
            if (inflated > caps.maxUncompressedBytes) throw new Refused('size');
            onChunk?.(chunk);
          } catch (e) {
            stream.destroy();
            reject(e);
          }
        });
        stream.on('error', reject);
        stream.on('end', resolve);
      });
    });

  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          entries++;
          if (entries > caps.maxEntries) throw new Refused('entries');
          declared += entry.uncompressedSize;
          if (declared > caps.maxUncompressedBytes) throw new Refused('size');
          if (entry.uncompressedSize > caps.ratioFloorBytes && entry.uncompressedSize > caps.maxRatio * Math.max(1, entry.compressedSize)) {
            throw new Refused('ratio');
          }
          if (!entry.fileName.endsWith('/')) {
            // Every entry is inflated once: yauzl checks the actual size against the declared one, so an entry
            // that lies about its size is refused rather than trusted.
            if (WORKSHEET.test(entry.fileName)) {
              let carry = '';
              await inflate(entry, (chunk) => {
                const text = carry + chunk.toString('latin1');
                rows += count(ROW_TAG, text) - count(ROW_TAG, carry);
                cells += count(CELL_TAG, text) - count(CELL_TAG, carry);
                if (rows > caps.maxRows || cells > caps.maxCells) throw new Refused('rows');
                carry = text.slice(-CARRY);
              });
            } else {
              await inflate(entry);
            }
          }
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    return { ok: false, reason: e instanceof Refused ? e.reason : 'corrupt' };
  }
  zip.close();
  return { ok: true, entries, uncompressedBytes: inflated, rows, cells };
}
