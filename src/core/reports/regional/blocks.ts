/** A bar chart of a report: categories along the axis and one or more series of counts. */
export type ChartSpec = {
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
};

/** A block of a report's body, independent of the file format; the server renders it to DOCX. */
export type ReportBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; headers: string[]; rows: (string | number)[][]; weights: number[] }
  | { kind: "chart"; chart: ChartSpec };

/** A heading block. */
export const heading = (text: string): ReportBlock => ({ kind: "heading", text });
/** A paragraph block. */
export const para = (text: string): ReportBlock => ({ kind: "paragraph", text });
