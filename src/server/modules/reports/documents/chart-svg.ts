import * as echarts from "echarts";
import type { ChartSpec } from "../../../../core/reports";
import { DOCUMENT_FONT } from "../../plans/documents/docx-kit";
import { CHART_COLORS } from "./chart-png";

/** A chart's size in pixels, as it is drawn and placed in the document. */
export const CHART_SIZE = { width: 620, height: 320 } as const;

/** A bar chart of a report rendered server-side by ECharts to an SVG string (no DOM, no animation). */
export function chartSvg(chart: ChartSpec): string {
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, ...CHART_SIZE });
  try {
    instance.setOption({
      animation: false,
      color: [...CHART_COLORS],
      textStyle: { fontFamily: DOCUMENT_FONT },
      title: { text: chart.title, left: "center", textStyle: { fontSize: 14 } },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 60 },
      xAxis: {
        type: "category",
        data: chart.categories,
        axisLabel: { interval: 0, rotate: chart.categories.length > 4 ? 30 : 0 },
      },
      yAxis: { type: "value", minInterval: 1 },
      series: chart.series.map((s) => ({ type: "bar", name: s.name, data: s.values })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
