import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

/** exceljs's streaming workbook writer, as the builders receive it. */
export type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * Builds an XLSX with exceljs's streaming WorkbookWriter (rows are committed as they are added,
 * so a big export does not keep the sheet in memory) and returns the file as one Buffer.
 */
export async function writeWorkbook(
  build: (workbook: StreamingWorkbook) => Promise<void> | void,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Опора";
  await build(workbook);
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
