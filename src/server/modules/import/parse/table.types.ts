/** One data row of a table, numbered as the user sees it in Excel (the header is usually row 1). */
export type TableRow = {
  rowNumber: number;
  /** Trimmed display text of every cell, exactly as long as the header ("" for an empty cell). */
  cells: string[];
};

/** Text encodings of a CSV file that the reader accepts. */
export type CsvEncoding = "utf-8" | "utf-8-bom" | "windows-1251";

/** Field delimiters of a CSV file that the reader detects. */
export type CsvDelimiter = ";" | "," | "\t";

/** What the reader found out about the file. */
export type TableFormat = {
  format: "csv" | "xlsx";
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  /**
   * Whether numbers in text are written with a decimal comma. For CSV it is detected from the
   * first 64 KiB; for XLSX it is true, since numbers typed as text in a Russian Excel use a comma
   * and numeric cells are rendered with a point, which the comma mode of parseNumber accepts too.
   */
  decimalComma?: boolean;
  /** The worksheet that was read (XLSX only). */
  sheet?: string;
};

/** Limits that protect the server from files that are too big or crafted. */
export type ImportLimits = {
  /** Size of the uploaded file on disk. */
  maxFileBytes: number;
  /** Data rows (the header and empty rows are not counted). */
  maxRows: number;
  /** Sum of the uncompressed sizes of all entries of an XLSX. */
  maxUncompressedBytes: number;
  /** Largest uncompressed : compressed ratio allowed for a big entry of an XLSX. */
  maxCompressionRatio: number;
  /** Entries at least this big (uncompressed) are held to maxCompressionRatio. */
  ratioCheckMinBytes: number;
};

/** Default limits: 200 MB upload, 2,000,000 rows, 500 MB unpacked, 100:1 for entries over 1 MB. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxRows: 2_000_000,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1024 * 1024,
};

/** Input of openTable: where the upload is stored and the name the user gave it. */
export type OpenTableInput = {
  path: string;
  fileName: string;
  limits?: Partial<ImportLimits>;
  /** The worksheet to read; the first one (in the workbook's order) when absent. */
  sheet?: string;
};

/**
 * An opened table: the header and format are known, the rows are read lazily, once.
 * Leaving a `for await` early releases the file; call close() if you never iterate.
 */
export type OpenedTable = AsyncIterable<TableRow> & {
  header: string[];
  format: TableFormat;
  close: () => Promise<void>;
};

/** A row as a reader produces it, before the header checks: cells trimmed, not yet padded. */
export type RawRow = TableRow;
