import { BarChart, type BarSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

/** ECharts with what the bar charts use (bars, grid, legend, tooltip; SVG), registered once. */
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };

/** The option type of a bar chart. */
export type BarChartOption = echarts.ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** One segment of stacked horizontal bars: a series name, its colour and a value per category. */
export type StackSegment = { name: string; color: string; values: readonly number[] };

type AxisTooltipParam = { seriesName?: string; value?: unknown; marker?: unknown; dataIndex?: number };

function isTooltipParam(value: unknown): value is AxisTooltipParam {
  return typeof value === "object" && value !== null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

/**
 * Stacked horizontal bars that read as their totals: drawn without the growing animation (during
 * it the segments stand apart and fall short of the total); segments of one stack touch (SVG draws each
 * segment's edge at a fractional pixel with anti-aliasing, which leaves a light seam between
 * neighbours; a border of the segment's own colour closes it), the total is written at the end
 * of each bar, and the tooltip gives the category's total before its segments. The legend lists
 * the segments in the given order.
 */
export function stackedBars({
  stack,
  categories,
  segments,
  totalLabel,
  format,
}: {
  stack: string;
  categories: readonly string[];
  segments: readonly StackSegment[];
  /** The tooltip's word for the total, e.g. «всего». */
  totalLabel: string;
  format: (value: number) => string;
}): Pick<BarChartOption, "series" | "legend" | "tooltip" | "animation"> {
  const totals = categories.map((_, i) => segments.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const segmentSeries: BarSeriesOption[] = segments.map((s) => ({
    type: "bar",
    name: s.name,
    stack,
    color: s.color,
    barMaxWidth: 18,
    itemStyle: { borderColor: s.color, borderWidth: 1 },
    emphasis: { focus: "series" },
    data: [...s.values],
  }));
  // zero-length bars at the end of each stack, carrying the total as their label
  const totalSeries: BarSeriesOption = {
    type: "bar",
    name: totalLabel,
    stack,
    silent: true,
    data: categories.map(() => 0),
    itemStyle: { color: "transparent" },
    label: {
      show: true,
      position: "right",
      color: "#495057",
      fontWeight: "bold",
      formatter: (p: { dataIndex: number }) => format(totals[p.dataIndex] ?? 0),
    },
  };
  return {
    // ECharts grows each segment from its own start, so while the first draw animates the
    // segments stand apart and a bar reads shorter than its total: stacks are drawn at once
    animation: false,
    series: [...segmentSeries, totalSeries],
    legend: { top: 0, left: 0, itemGap: 16, data: segments.map((s) => s.name) },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]).filter(isTooltipParam);
        const index = params[0]?.dataIndex ?? 0;
        const lines = params
          .filter((p) => p.seriesName !== totalLabel)
          .map(
            (p) =>
              `${String(p.marker ?? "")}${escapeHtml(p.seriesName ?? "")}: <b>${format(Number(p.value ?? 0))}</b>`,
          );
        const head = `${escapeHtml(categories[index] ?? "")} — ${escapeHtml(totalLabel)} <b>${format(totals[index] ?? 0)}</b>`;
        return [head, ...lines].join("<br/>");
      },
    },
  };
}
