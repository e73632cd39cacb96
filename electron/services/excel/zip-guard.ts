// A zip-bomb guard for .xlsx files, in plain Node: exceljs (through JSZip) inflates every part in memory and
// trusts what the archive says (measured: a 314 KB crafted .xlsx takes 740 MB, a 1 MB one 1.2 GB). Before
// exceljs sees a file we read the central directory ourselves, refuse what no spreadsheet application writes,
// then inflate every entry with a hard output cap so that lying headers are caught, and scan the XML parts for
// DTDs (entity expansion) and for merged areas that exceljs would expand cell by cell.
import { inflateRawSync } from 'node:zlib';
import { MIB, readErrors } from './messages.js';

/** No spreadsheet has that many parts: Excel writes about 10 plus 2 per sheet. */
export const MAX_ZIP_ENTRIES = 2_000;
/** Largest part (a worksheet's XML) once inflated: a 100,000-row sheet of 20 columns is about 40 MB. */
export const MAX_ENTRY_UNCOMPRESSED_BYTES = 100 * MIB;
/** All parts together, once inflated. */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 250 * MIB;
/** Spreadsheet XML deflates 5 to 30 times; beyond 200 times on a large part it is crafted. */
export const MAX_COMPRESSION_RATIO = 200;
/** The ratio is only checked on parts larger than this (tiny parts compress oddly). */
export const RATIO_CHECK_FROM_BYTES = 1 * MIB;
/** exceljs creates one object per cell of a merged area: the sum of all merged areas is capped. */
export const MAX_MERGED_CELLS = 1_000_000;
/**
 * `<c>` elements (cells with a value or a format) of all worksheets. exceljs keeps about 1 KB per cell while
 * loading: measured, 720,000 cells load within the worker's 768 MB heap and 900,000 do not. Counted before
 * exceljs runs, so that the person gets a precise message rather than « trop complexe ».
 */
export const MAX_CELL_ELEMENTS = 500_000;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export interface ZipEntry {
  /** As stored (JSZip keeps it; exceljs strips a leading '/'). */
  name: string;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's data starts (after its local header). */
  dataOffset: number;
}

/** What the low-level reader reports; checkZipDirectory turns it into a French AppError. */
export class ZipFormatError extends Error {
  constructor(
    message: string,
    readonly kind: 'corrupt' | 'zip64' | 'too_many_entries' = 'corrupt',
  ) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Reads the central directory (the same one JSZip reads: the last end-of-central-directory record) and the
 * local headers it points to. Throws ZipFormatError; reads nothing outside `bytes`.
 */
export function readCentralDirectory(bytes: Uint8Array, maxEntries = Number.POSITIVE_INFINITY): ZipEntry[] {
  const buf = view(bytes);
  if (buf.length < 22) throw new ZipFormatError('too short for a zip');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesOnDisk = buf.readUInt16LE(eocd + 8);
  const totalEntries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (
    totalEntries === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE)
  ) {
    throw new ZipFormatError('zip64', 'zip64');
  }
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== totalEntries) throw new ZipFormatError('multi-disk archive');
  if (totalEntries > maxEntries) throw new ZipFormatError(`${totalEntries} entries`, 'too_many_entries');
  const cdEnd = cdOffset + cdSize;
  if (cdEnd > eocd) throw new ZipFormatError('central directory outside the file');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let n = 0; n < totalEntries; n++) {
    if (p + 46 > cdEnd || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new ZipFormatError('bad central directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipFormatError('zip64 entry', 'zip64');
    }
    const nameEnd = p + 46 + nameLength;
    if (nameEnd > cdEnd) throw new ZipFormatError('entry name outside the central directory');
    const name = buf.toString('utf8', p + 46, nameEnd);
    const key = name.replace(/^\/+/, '');
    if (seen.has(key)) throw new ZipFormatError(`duplicate entry ${name}`);
    seen.add(key);
    p = nameEnd + extraLength + commentLength;

    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw new ZipFormatError(`bad local header for ${name}`);
    const dataOffset = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > buf.length) throw new ZipFormatError(`data of ${name} outside the file`);
    entries.push({ name, flags, method, compressedSize, uncompressedSize, dataOffset });
  }
  if (p > cdEnd) throw new ZipFormatError('central directory overruns its size');
  return entries;
}

/** The cheap checks, on what the archive declares: run them before spending anything on the file. */
export function checkZipDirectory(bytes: Uint8Array, fileName: string): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes, MAX_ZIP_ENTRIES);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    if (error.kind === 'zip64') throw readErrors.zip64(fileName);
    if (error.kind === 'too_many_entries') throw readErrors.tooManyEntries(fileName, MAX_ZIP_ENTRIES);
    throw readErrors.corrupt(fileName);
  }
  let total = 0;
  for (const entry of entries) {
    // Bit 0: the entry is encrypted (old zip encryption; Office itself uses an OLE container instead).
    if (entry.flags & 1) throw readErrors.encrypted(fileName);
    if (entry.method !== 0 && entry.method !== 8) throw readErrors.corrupt(fileName);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw readErrors.corrupt(fileName);
    if (entry.uncompressedSize > MAX_ENTRY_UNCOMPRESSED_BYTES) throw readErrors.inflatedTooBig(fileName, MAX_ENTRY_UNCOMPRESSED_BYTES);
    total += entry.uncompressedSize;
  }
  if (total > MAX_TOTAL_UNCOMPRESSED_BYTES) throw readErrors.inflatedTooBig(fileName, MAX_TOTAL_UNCOMPRESSED_BYTES);
  for (const entry of entries) {
    if (entry.uncompressedSize > RATIO_CHECK_FROM_BYTES && entry.uncompressedSize / Math.max(1, entry.compressedSize) > MAX_COMPRESSION_RATIO) {
      throw readErrors.suspiciousCompression(fileName);
    }
  }
  return entries;
}

/** The inflated bytes of one entry, never more than `cap` bytes of output whatever the data says. */
function inflateEntry(buf: Buffer, entry: ZipEntry, cap: number, fileName: string): Buffer {
  const data = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data;
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: cap });
  } catch (error) {
    // ERR_BUFFER_TOO_LARGE: the data inflates to more than the entry declares (or than the budget left).
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw readErrors.suspiciousCompression(fileName);
    }
    throw readErrors.corrupt(fileName);
  }
  if (out.length > entry.uncompressedSize) throw readErrors.suspiciousCompression(fileName);
  if (out.length < entry.uncompressedSize) throw readErrors.corrupt(fileName);
  return out;
}

const XML_PART = /\.(xml|rels|vml)$/i;
/** Unanchored, like exceljs's own `/xl\/worksheets\/sheet(\d+)[.]xml/`: "x/xl/worksheets/sheet1.xml" is parsed too. */
const WORKSHEET_PART = /xl\/worksheets\/[^/]*\.xml/i;

/** `<!DOCTYPE` or `<!ENTITY` anywhere (any case): exceljs's parser has no business with a DTD. */
function hasDtd(content: Buffer): boolean {
  let i = content.indexOf('<!');
  while (i !== -1) {
    const word = content.toString('latin1', i + 2, i + 9).toUpperCase();
    if (word.startsWith('DOCTYPE') || word.startsWith('ENTITY')) return true;
    i = content.indexOf('<!', i + 2);
  }
  return false;
}

const MERGE_REF = /^\s*ref\s*=\s*["']\$?([A-Za-z]{1,4})\$?(\d{1,8})(?::\$?([A-Za-z]{1,4})\$?(\d{1,8}))?["']/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Positions just after each `<tag` (any namespace prefix) followed by whitespace, `>` or `/`. */
function* elementStarts(xml: Buffer, tag: string): Generator<number> {
  const needle = Buffer.from(tag);
  for (let i = xml.indexOf(needle); i !== -1; i = xml.indexOf(needle, i + needle.length)) {
    const before = xml[i - 1];
    const after = xml[i + needle.length];
    // "<c" or "<x:c", then a separator: not "<col", not "<mergeCells".
    if ((before === 0x3c || before === 0x3a) && (after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d || after === 0x3e || after === 0x2f)) {
      yield i + needle.length;
    }
  }
}

/** The number of cells covered by the `<mergeCell ref="A1:C3"/>` elements of a worksheet part. */
export function mergedCellCount(sheetXml: Buffer): number {
  let total = 0;
  for (const at of elementStarts(sheetXml, 'mergeCell')) {
    const tail = sheetXml.toString('latin1', at, at + 120);
    const refAt = tail.search(/\sref\s*=/);
    const m = refAt >= 0 ? MERGE_REF.exec(tail.slice(refAt)) : null;
    if (!m) continue;
    const r1 = Number(m[2]);
    const c1 = columnNumber(m[1]!);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    total += (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
  }
  return total;
}

/** The number of `<c …>` elements (cells) of a worksheet part. */
export function cellElementCount(sheetXml: Buffer): number {
  let count = 0;
  for (const _ of elementStarts(sheetXml, 'c')) count++;
  return count;
}

/**
 * Inflates every entry for real (the declared sizes may lie), within the global budget, and scans the parts.
 * Memory: at most one inflated entry (≤ MAX_ENTRY_UNCOMPRESSED_BYTES) is held at a time.
 */
export function verifyZipContents(bytes: Uint8Array, entries: ZipEntry[], fileName: string, onProgress?: (fraction: number) => void): void {
  const buf = view(bytes);
  let budget = MAX_TOTAL_UNCOMPRESSED_BYTES;
  let merged = 0;
  let cells = 0;
  entries.forEach((entry, index) => {
    if (entry.name.endsWith('/') && entry.uncompressedSize === 0) return;
    const out = inflateEntry(buf, entry, Math.min(entry.uncompressedSize, budget) + 1, fileName);
    budget -= out.length;
    if (budget < 0) throw readErrors.inflatedTooBig(fileName, MAX_TOTAL_UNCOMPRESSED_BYTES);
    if (XML_PART.test(entry.name) && out.length >= 2 && ((out[0] === 0xff && out[1] === 0xfe) || (out[0] === 0xfe && out[1] === 0xff))) {
      // UTF-16 XML would hide a DTD from the scan below; Office writes UTF-8.
      throw readErrors.corrupt(fileName);
    }
    if (hasDtd(out)) throw readErrors.forbiddenXml(fileName);
    if (WORKSHEET_PART.test(entry.name)) {
      merged += mergedCellCount(out);
      if (merged > MAX_MERGED_CELLS) throw readErrors.tooManyMerged(fileName, MAX_MERGED_CELLS);
      cells += cellElementCount(out);
      if (cells > MAX_CELL_ELEMENTS) throw readErrors.tooManyCellElements(fileName, MAX_CELL_ELEMENTS);
    }
    onProgress?.((index + 1) / entries.length);
  });
}

/** Both steps: what the archive declares, then what it really holds. Throws AppError. */
export function inspectZip(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const entries = checkZipDirectory(bytes, fileName);
  verifyZipContents(bytes, entries, fileName);
  return entries;
}

/** Every part of a (guarded) zip, inflated: for tests and checks of what the app writes. */
export function extractZipEntries(bytes: Uint8Array, fileName = 'archive.zip'): Map<string, Buffer> {
  const entries = inspectZip(bytes, fileName);
  const buf = view(bytes);
  const parts = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    parts.set(entry.name.replace(/^\/+/, ''), Buffer.from(inflateEntry(buf, entry, entry.uncompressedSize + 1, fileName)));
  }
  return parts;
}
