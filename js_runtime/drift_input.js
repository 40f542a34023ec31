// What drift() reads: a CSV (text or a dropped File) parsed with Papa Parse (vendored, loaded on first
// use), or rows the caller already has, turned into the table the worker checks (worker/drift.js).
import { VitrineError, ERROR_CODE } from '../worker/protocol.js';
import { scriptGlobal } from './chart_loader.js';

/** The largest file drift() reads: beyond it the browser's memory, not the statistics, is the limit. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const PAPA_URL = new URL('../vendor/papaparse/papaparse.min.js', import.meta.url);

/** A file is parsed in pieces of this size, so the page stays responsive between them. */
const CHUNK_BYTES = 256 * 1024;

/**
 * The part of Papa Parse this module uses.
 * @typedef {{parse: (input: string | Blob, config: {skipEmptyLines: 'greedy', chunkSize: number,
 *   chunk: (r: PapaResult) => void, complete: () => void, error: (e: Error) => void}) => void}} Papa
 * @typedef {{data: string[][], errors: {type: string, code: string, message: string, row?: number}[], meta: {delimiter: string}}} PapaResult
 */

/** @typedef {import('../worker/drift.js').Table} Table */

/**
 * A batch as the worker's table: CSV text or a File/Blob (parsed here; the delimiter is detected), a
 * table {columns, rows}, or an array of row objects {feature: value}.
 * @param {unknown} input
 * @param {() => Promise<Papa>} [papa] the parser (default: the site's vendored copy)
 * @returns {Promise<Table>}
 */
export async function readBatch(input, papa = loadPapa) {
  const bad = (/** @type {string} */ message) => new VitrineError(ERROR_CODE.badInput, message);
  if (typeof input === 'string' || input instanceof Blob) {
    const size = typeof input === 'string' ? input.length : input.size;
    if (size > MAX_FILE_BYTES) {
      throw bad(`The file is ${(size / 1024 / 1024).toFixed(0)} MB; the drift check reads at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Use a sample of its rows.`);
    }
    if (size === 0) throw bad('The file is empty: it needs a header line and rows.');
    return csvTable(await parse(await papa(), input));
  }
  if (Array.isArray(input)) {
    if (input.length === 0) throw bad('drift() got no rows.');
    if (!input.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
      throw bad('drift() takes an array of row objects {feature: value}, CSV text, a File or {columns, rows}.');
    }
    const columns = Object.keys(input[0]);
    return { columns, rows: input.map((r) => columns.map((c) => r[c])) };
  }
  if (input !== null && typeof input === 'object' && Array.isArray(/** @type {Table} */ (input).columns) &&
      Array.isArray(/** @type {Table} */ (input).rows)) {
    return /** @type {Table} */ (input);
  }
  throw bad('drift() takes CSV text, a File, an array of row objects {feature: value} or {columns, rows}.');
}

/** @returns {Promise<Papa>} */
async function loadPapa() {
  return /** @type {Papa} */ (await scriptGlobal(PAPA_URL, 'Papa', 'The CSV parser'));
}

/**
 * @param {Papa} papa
 * @param {string | Blob} input
 * @returns {Promise<PapaResult>}
 */
function parse(papa, input) {
  /** @type {PapaResult} */
  const all = { data: [], errors: [], meta: { delimiter: ',' } };
  return new Promise((resolve, reject) => {
    papa.parse(input, {
      skipEmptyLines: 'greedy',
      chunkSize: CHUNK_BYTES,
      // a File is read piece by piece (FileReader, asynchronously): no long task on the page
      chunk(r) {
        for (const e of r.errors) all.errors.push(e.row === undefined ? e : { ...e, row: e.row + all.data.length });
        for (const row of r.data) all.data.push(row);
        all.meta.delimiter = r.meta.delimiter;
      },
      complete: () => resolve(all),
      error: (e) => reject(new VitrineError(ERROR_CODE.badInput, `The file could not be read: ${e.message}.`)),
    });
  });
}

/**
 * Papa Parse's rows → a table: the first row is the header; a row whose cells do not match it, or a
 * quoting error, is an error naming the row (data rows count from 1, under the header).
 * @param {PapaResult} result
 * @returns {Table}
 */
export function csvTable(result) {
  const bad = (/** @type {string} */ message) => new VitrineError(ERROR_CODE.badInput, message);
  // "UndetectableDelimiter" is only a warning: a one-column file has no delimiter to find.
  const error = result.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (error) {
    throw bad(`The file is not valid CSV${error.row !== undefined ? ` at row ${error.row}` : ''}: ${error.message}.`);
  }
  const [header, ...rows] = result.data;
  if (!header) throw bad('The file is empty: it needs a header line and rows.');
  const columns = header.map((c, i) => (i === 0 ? c.replace(/^\ufeff/, '') : c).trim());
  const uneven = rows.findIndex((r) => r.length !== columns.length);
  if (uneven >= 0) {
    throw bad(`Row ${uneven + 1} has ${rows[uneven].length} cells and the header ${columns.length} ` +
      `(the delimiter read was ${JSON.stringify(result.meta.delimiter)}). Every row needs one cell per column.`);
  }
  return { columns, rows };
}
