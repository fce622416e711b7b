import { AlignmentType, ImageRun, Paragraph, TableRow } from "docx";
import type { ChartSpec, ReportBlock } from "../../../../core/reports";
import {
  blankLine,
  cell,
  fixedTable,
  headerRow,
  packDocument,
  paragraph,
} from "../../plans/documents/docx-kit";
import { chartFallbackPng } from "./chart-png";
import { CHART_SIZE, chartSvg } from "./chart-svg";

/** A chart as an image: the ECharts SVG, with a PNG of the same bars for viewers without SVG. */
function chartParagraph(chart: ChartSpec): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: "svg",
        data: Buffer.from(chartSvg(chart), "utf8"),
        transformation: CHART_SIZE,
        fallback: { type: "png", data: chartFallbackPng(chart, CHART_SIZE.width, CHART_SIZE.height) },
        altText: { name: chart.title, title: chart.title, description: chart.title },
      }),
    ],
  });
}

function render(block: ReportBlock) {
  switch (block.kind) {
    case "heading":
      return [paragraph(block.text, { bold: true, spacingBefore: 240, spacingAfter: 120 })];
    case "paragraph":
      return [paragraph(block.text, { isIndented: true, alignment: AlignmentType.JUSTIFIED })];
    case "list":
      return block.items.map((item) => paragraph(`– ${item}`, { isIndented: true }));
    case "table":
      return [
        fixedTable(block.weights, [
          headerRow(block.headers),
          ...block.rows.map((row) => new TableRow({ children: row.map((value) => cell(String(value))) })),
        ]),
        blankLine(),
      ];
    case "chart":
      return [chartParagraph(block.chart), blankLine()];
  }
}

/** The regional analytical report (seed 003's structure): its title and the blocks of its sections. */
export function buildRegionalReportDocx(input: {
  regionName: string;
  year: number;
  blocks: ReportBlock[];
}): Promise<Buffer> {
  const title = `Аналитический отчет о реализации программ повышения качества образования в ШНРО и ШФНСУ за ${input.year} год`;
  return packDocument({
    title,
    sections: [
      [
        paragraph(title, { bold: true, alignment: AlignmentType.CENTER }),
        paragraph(input.regionName, { alignment: AlignmentType.CENTER, spacingAfter: 240 }),
        ...input.blocks.flatMap(render),
      ],
    ],
  });
}
