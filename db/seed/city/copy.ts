/**
 * Bulk loading for the city-scale seed: rows go in as PostgreSQL COPY text, never one INSERT per row.
 * - PostgreSQL (postgres.js): `COPY … FROM STDIN`, streamed in chunks with back-pressure.
 * - PGlite (small scales, tests): the same text as one `COPY … FROM '/dev/blob'`.
 * Both run inside the one transaction of the seed (see loader()).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type postgres from 'postgres';

export type Cell = string | number | boolean | null | undefined;

/** One COPY text line: tab-separated, `\N` for null, backslash escapes for the four special characters. */
export function copyLine(cells: readonly Cell[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (i) out += '\t';
    if (v === null || v === undefined) out += '\\N';
    else if (typeof v === 'string') out += /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
    else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else out += String(v);
  }
  return out + '\n';
}

/** Rows of one table as COPY text, gathered in chunks (a JS string per chunk, not per row). */
export class TableRows {
  readonly chunks: string[] = [];
  private buf: string[] = [];
  count = 0;
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(cells: readonly Cell[]) {
    if (cells.length !== this.columns.length) throw new Error(`${this.table}: ${cells.length} cells for ${this.columns.length} columns`);
    this.buf.push(copyLine(cells));
    this.count++;
    if (this.buf.length >= 5000) this.flush();
  }

  flush() {
    if (this.buf.length) this.chunks.push(this.buf.join(''));
    this.buf = [];
  }

  /** Hands the chunks over (and forgets them, so that memory is freed as they are written). */
  *drain(): Generator<string> {
    this.flush();
    while (this.chunks.length) yield this.chunks.shift()!;
  }
}

export interface Loader {
  kind: 'pglite' | 'postgres';
  /** Raw SQL (no parameters); returns the rows. */
  query<T = Record<string, unknown>>(text: string): Promise<T[]>;
  /** COPY the chunks of text into the table's columns; returns the number of rows. */
  copy(table: string, columns: readonly string[], chunks: Iterable<string> | AsyncIterable<string>): Promise<void>;
}

const copySql = (table: string, columns: readonly string[], from: string) =>
  `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM ${from}`;

export function postgresLoader(tx: postgres.TransactionSql): Loader {
  return {
    kind: 'postgres',
    query: async <T>(text: string) => (await tx.unsafe(text)) as unknown as T[],
    copy: async (table, columns, chunks) => {
      const writable = await tx.unsafe(copySql(table, columns, 'STDIN')).writable();
      await pipeline(Readable.from(chunks, { objectMode: false }), writable);
    },
  };
}

export function pgliteLoader(tx: Transaction | PGlite): Loader {
  return {
    kind: 'pglite',
    query: async <T>(text: string) => (await tx.query<T>(text)).rows,
    copy: async (table, columns, chunks) => {
      const parts: string[] = [];
      for await (const c of chunks) parts.push(c);
      if (parts.length === 0) return;
      await tx.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob(parts) });
    },
  };
}
