import { open, stat } from "node:fs/promises";
import { readCsvRows } from "./csv-reader";
import {
  decodeHead,
  detectDecimalComma,
  detectDelimiter,
  detectEncoding,
  headerLine,
  SNIFF_BYTES,
} from "./csv-sniff";
import { formatBytes, formatRuNumber, ImportFileError } from "./import-file-error";
import {
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  type OpenedTable,
  type OpenTableInput,
  type RawRow,
  type TableFormat,
  type TableRow,
} from "./table.types";
import { checkHeader, fitRowToHeader, isEmptyRow } from "./table-header";
import { readXlsxRows } from "./xlsx-reader";
import { listSheets, pickSheet } from "./xlsx-sheets";
import { readZipDirectory } from "./zip-directory";
import { checkDeclaredSizes, checkXlsxEntries, verifyInflatedSizes } from "./zip-guard";

type TableSource = { format: TableFormat; rows: AsyncGenerator<RawRow> };

const XLS_HINT = "Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)» или «CSV UTF-8».";

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Decides by the first bytes (a zip is an XLSX whatever its name), then by the file name. */
function detectKind(head: Buffer, fileName: string): "csv" | "xlsx" {
  const name = fileName.toLowerCase();
  const magic = head.length >= 4 ? head.readUInt32BE(0) : 0;
  if (magic === 0x504b0304 || magic === 0x504b0506) return "xlsx";
  if (magic === 0xd0cf11e0 || name.endsWith(".xls")) {
    throw new ImportFileError(
      "unsupported_format",
      `Файл в старом формате XLS (Excel 97–2003) или защищён паролем. ${XLS_HINT}`,
    );
  }
  if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
    throw new ImportFileError(
      "xlsx_malformed",
      `Файл назван .xlsx, но не является книгой Excel. ${XLS_HINT}`,
    );
  }
  return "csv";
}

function openCsv(path: string, head: Buffer, size: number): TableSource {
  const encoding = detectEncoding(head, head.length === size);
  const text = decodeHead(head, encoding);
  const delimiter = detectDelimiter(headerLine(text));
  const decimalComma = detectDecimalComma(text, delimiter);
  return {
    format: { format: "csv", encoding, delimiter, decimalComma },
    rows: readCsvRows({ path, encoding, delimiter }),
  };
}

async function openXlsx(input: OpenTableInput, size: number, limits: ImportLimits): Promise<TableSource> {
  const file = await open(input.path);
  try {
    const directory = await readZipDirectory(file, size);
    checkDeclaredSizes(directory.entries, limits);
    checkXlsxEntries(directory.entries);
    await verifyInflatedSizes({ file, path: input.path }, directory, limits);
    const sheet = pickSheet(await listSheets(file, directory.entries), input.sheet);
    return {
      format: { format: "xlsx", decimalComma: true, sheet: sheet.name },
      rows: readXlsxRows(input.path, sheet),
    };
  } finally {
    await file.close();
  }
}

function emptyError(format: TableFormat): ImportFileError {
  const where = format.sheet === undefined ? "Файл пуст" : `Лист «${format.sheet}» пуст`;
  return new ImportFileError("empty_file", `${where}: в нём нет ни одной заполненной строки.`);
}

async function readHeader(source: TableSource): Promise<string[]> {
  for (;;) {
    const next = await source.rows.next();
    if (next.done) throw emptyError(source.format);
    if (!isEmptyRow(next.value.cells)) return checkHeader(next.value);
  }
}

function tooManyRows(maxRows: number): ImportFileError {
  return new ImportFileError(
    "too_many_rows",
    `В файле больше ${formatRuNumber(maxRows)} строк с данными — столько за один раз не загрузить. Разделите данные на несколько файлов.`,
  );
}

async function* dataRows(source: TableSource, header: string[], maxRows: number): AsyncGenerator<TableRow> {
  let count = 0;
  try {
    for (;;) {
      const next = await source.rows.next();
      if (next.done) return;
      if (isEmptyRow(next.value.cells)) continue;
      count++;
      if (count > maxRows) throw tooManyRows(maxRows);
      yield fitRowToHeader(next.value, header);
    }
  } finally {
    await source.rows.return(undefined);
  }
}

/**
 * Opens an uploaded CSV or XLSX as a table: checks the size and (for XLSX) the zip against bombs,
 * detects the encoding, delimiter and decimal mark (CSV), reads and checks the header, and returns
 * the data rows as a lazy stream. Fully empty rows are skipped but still counted in row numbers.
 * Every problem with the file as a whole is thrown as an ImportFileError with a Russian message.
 */
export async function openTable(input: OpenTableInput): Promise<OpenedTable> {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...input.limits };
  const { size } = await stat(input.path);
  if (size > limits.maxFileBytes) {
    throw new ImportFileError(
      "file_too_large",
      `Файл слишком большой: ${formatBytes(size)}, допустимо до ${formatBytes(limits.maxFileBytes)}. Разделите данные на несколько файлов.`,
    );
  }
  if (size === 0) throw new ImportFileError("empty_file", "Файл пуст: в нём нет ни одного байта.");
  const head = await readHead(input.path);
  const source =
    detectKind(head, input.fileName) === "xlsx"
      ? await openXlsx(input, size, limits)
      : openCsv(input.path, head, size);
  let header: string[];
  try {
    header = await readHeader(source);
  } catch (error) {
    await source.rows.return(undefined);
    throw error;
  }
  const rows = dataRows(source, header, limits.maxRows);
  return {
    header,
    format: source.format,
    [Symbol.asyncIterator]: () => rows,
    close: async () => {
      await rows.return(undefined);
      await source.rows.return(undefined);
    },
  };
}
