import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/**
 * Streaming readers for the import: CSV (RFC 4180: quoted fields with "" escapes and embedded commas or newlines,
 * CRLF or LF, UTF-8 with an optional BOM) and XLSX (exceljs streaming reader, first worksheet). Both call
 * `onBatch(records)` with arrays of string fields; record numbers count the header as record 1, as a spreadsheet does.
 */

export type OnBatch = (records: string[][], firstRecordNo: number) => void | Promise<void>;

/** Incremental CSV parser over decoded text; lines without a quote take a fast split path. */
export class CsvParser {
  private rest = '';
  private readonly decoder = new StringDecoder('utf8');
  private started = false;
  private out: string[][] = [];

  /** Feed bytes; returns the complete records parsed so far (and clears them). */
  push(chunk: Buffer): string[][] {
    let s = this.rest + this.decoder.write(chunk);
    if (!this.started && s.length > 0) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      this.started = true;
    }
    this.rest = this.parse(s, false);
    const o = this.out;
    this.out = [];
    return o;
  }

  /** End of input: the last record (without a final newline) too. */
  end(): string[][] {
    let s = this.rest + this.decoder.end();
    if (!this.started && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    this.started = true;
    this.rest = this.parse(s, true);
    const o = this.out;
    this.out = [];
    return o;
  }

  /** Parses complete records from s; returns the unparsed remainder. */
  private parse(s: string, final: boolean): string {
    let pos = 0;
    const n = s.length;
    // next quote at or after pos (n + 1 = none): searched once per quote, not once per line
    let q = -1;
    while (pos < n) {
      let nl = s.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) return s.slice(pos);
        nl = n;
      }
      if (q < pos) {
        q = s.indexOf('"', pos);
        if (q < 0) q = n + 1;
      }
      if (q > nl) {
        let end = nl;
        if (end > pos && s.charCodeAt(end - 1) === 13) end--;
        if (end > pos) this.out.push(s.slice(pos, end).split(','));
        pos = nl + 1;
        continue;
      }
      const r = this.parseQuoted(s, pos, final);
      if (r < 0) return s.slice(pos);
      pos = r;
    }
    return '';
  }

  /** Full state machine for one record starting at pos; returns the position after it, or -1 if incomplete. */
  private parseQuoted(s: string, pos: number, final: boolean): number {
    const fields: string[] = [];
    let field = '';
    let i = pos;
    const n = s.length;
    for (;;) {
      if (i < n && s.charCodeAt(i) === 34) {
        // quoted field
        i++;
        for (;;) {
          const q = s.indexOf('"', i);
          if (q < 0) {
            if (!final) return -1;
            field += s.slice(i);
            i = n;
            break;
          }
          field += s.slice(i, q);
          if (q + 1 < n && s.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) return -1;
          i = q + 1;
          break;
        }
        // up to the separator (text after a closing quote is kept as is)
        while (i < n) {
          const ch = s.charCodeAt(i);
          if (ch === 44 || ch === 10 || ch === 13) break;
          field += s[i];
          i++;
        }
      } else {
        const st = i;
        while (i < n) {
          const ch = s.charCodeAt(i);
          if (ch === 44 || ch === 10 || ch === 13) break;
          i++;
        }
        field = s.slice(st, i);
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        if (!final) return -1;
        this.out.push(fields);
        return n;
      }
      const ch = s.charCodeAt(i);
      if (ch === 44) {
        i++;
        continue;
      }
      // end of record: \r\n, \n or \r
      if (ch === 13) {
        if (i + 1 >= n && !final) return -1;
        i += i + 1 < n && s.charCodeAt(i + 1) === 10 ? 2 : 1;
      } else i++;
      this.out.push(fields);
      return i;
    }
  }
}

/** Stream a CSV file in batches of records. */
export async function readCsvFile(file: string, onBatch: OnBatch): Promise<void> {
  const parser = new CsvParser();
  let recordNo = 1;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const recs = parser.push(chunk as Buffer);
    if (recs.length) {
      await onBatch(recs, recordNo);
      recordNo += recs.length;
    }
  }
  const last = parser.end();
  if (last.length) await onBatch(last, recordNo);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return String(o.text);
    return '';
  }
  return String(v);
}

/** Stream the first worksheet of an XLSX file in batches of records (cells as text; dates as YYYY-MM-DD), padded to `columns`. */
export async function readXlsxFile(file: string, onBatch: OnBatch, columns: number, batchSize = 2000): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  let batch: string[][] = [];
  let first = 1;
  let expected = 1;
  for await (const ws of reader) {
    for await (const row of ws) {
      // blank rows are skipped by the reader: keep spreadsheet row numbers by flushing at gaps
      const rowNo = row.number;
      if (rowNo !== expected && batch.length) {
        await onBatch(batch, first);
        batch = [];
      }
      if (batch.length === 0) first = rowNo;
      expected = rowNo + 1;
      const values = row.values as unknown[];
      const rec: string[] = [];
      for (let i = 1; i < values.length; i++) rec.push(cellText(values[i]).trim());
      // trailing empty cells are not stored in the sheet: pad to the template's width
      while (rec.length < columns) rec.push('');
      batch.push(rec);
      if (batch.length >= batchSize) {
        await onBatch(batch, first);
        batch = [];
      }
    }
    break; // first worksheet only
  }
  if (batch.length) await onBatch(batch, first);
}

/** 'csv' | 'xlsx' by content (zip magic) — never by the name alone; null if neither (binary other than zip). */
export async function sniffFileType(file: string): Promise<'csv' | 'xlsx' | null> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, 4096, 0);
    const head = buf.subarray(0, bytesRead);
    if (bytesRead >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
    // text: no NUL bytes, valid UTF-8 in the sample (a cut multi-byte sequence at the end is tolerated)
    if (head.includes(0)) return null;
    const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    return bad > 1 ? null : 'csv';
  } finally {
    await fh.close();
  }
}
