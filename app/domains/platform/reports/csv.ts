// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, fields with a comma, quote or line
// break in double quotes, quotes doubled), with a UTF-8 byte-order mark so Excel reads the accents,
// and a guard against formula injection: a text cell that starts with = + - @ TAB or CR gets a
// leading single quote, so a spreadsheet shows it as text instead of running it.
// Pure: the export job feeds it rows page by page.

export type CsvValue = string | number | boolean | Date | null | undefined;

export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell that a spreadsheet would treat as a formula, made inert. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: dates as ISO 8601 UTC, numbers as written, text guarded and quoted when needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = guardFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/**
 * Collects a CSV file as UTF-8 bytes: the BOM and header first, then records in as many calls as
 * there are pages. `finish()` returns the file and its record count (header excluded).
 */
export function createCsvWriter(header: readonly string[]) {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [encoder.encode(CSV_BOM + csvRecord(header))];
  let byteSize = chunks[0].byteLength;
  let rowCount = 0;
  return {
    write(rows: ReadonlyArray<readonly CsvValue[]>) {
      if (rows.length === 0) return;
      const chunk = encoder.encode(rows.map(csvRecord).join(""));
      chunks.push(chunk);
      byteSize += chunk.byteLength;
      rowCount += rows.length;
    },
    finish(): { content: Uint8Array<ArrayBuffer>; byteSize: number; rowCount: number } {
      const content = new Uint8Array(byteSize);
      let offset = 0;
      for (const chunk of chunks) {
        content.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return { content, byteSize, rowCount };
    },
  };
}
