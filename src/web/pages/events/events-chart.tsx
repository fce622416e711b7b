import { EVENT_LEVEL_LABELS, EVENT_LEVELS, type EventLevel } from "../../../core/events/kinds";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";

const COLOURS: Record<EventLevel, string> = {
  federal: "#7048e8",
  regional: "#1c7ed6",
  municipal: "#37b24d",
  school: "#f59f00",
};
/** Months of a school year, September first. */
const MONTHS = ["сен", "окт", "ноя", "дек", "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг"];
const ORDER = [8, 9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7];

/** Events by month of the school year, stacked by level. */
export function EventsChart({ byLevelAndMonth }: { byLevelAndMonth: Partial<Record<EventLevel, number[]>> }) {
  const option: BarChartOption = {
    animation: false,
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: MONTHS },
    yAxis: { type: "value", minInterval: 1 },
    series: EVENT_LEVELS.map((level) => ({
      type: "bar" as const,
      name: EVENT_LEVEL_LABELS[level],
      stack: "levels",
      color: COLOURS[level],
      data: ORDER.map((m) => byLevelAndMonth[level]?.[m] ?? 0),
    })),
  };
  return (
    <div data-testid="events-chart">
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 280, width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </div>
  );
}
