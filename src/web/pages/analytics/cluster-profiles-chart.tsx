import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ClustersResponse } from "../../../core/analytics";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { formatShort, wrapLabel } from "./analytics-format";

type ChartOption = BarChartOption;

/** The height of a line of an indicator's name beside its bars. */
const LINE_HEIGHT = 15;

/** The longest line of an indicator's name, in characters (about 300 px at the axis's 12 px font). */
const CHARS_PER_LINE = 46;

/**
 * The chart's height: per indicator, room for its bars and for its name on as many lines as it
 * takes; plus the legend above and the axis with its name below.
 */
function chartHeight(data: ClustersResponse): number {
  const rows = data.indicators.map((i) => {
    const lines = wrapLabel(i.name, CHARS_PER_LINE).length;
    return Math.max(data.profiles.length * 14 + 24, lines * LINE_HEIGHT + 16);
  });
  return 104 + rows.reduce((sum, h) => sum + h, 0);
}

/**
 * Each cluster's mean z-score of every indicator: how far above or below the region's mean it is,
 * in standard deviations, so indicators of different units share one axis.
 */
export function ClusterProfilesChart({ data }: { data: ClustersResponse }) {
  const { t } = useTranslation();
  const option: ChartOption = {
    legend: { top: 0, left: 0 },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v) => (typeof v === "number" ? formatShort(v) : String(v)),
    },
    grid: { left: 8, right: 32, top: 48, bottom: 40, containLabel: true },
    yAxis: {
      type: "category",
      inverse: true,
      data: data.indicators.map((i) => i.name),
      // Whole names, broken over lines: a cut name does not say which indicator a bar is.
      axisLabel: {
        interval: 0,
        lineHeight: LINE_HEIGHT,
        formatter: (name: string) => wrapLabel(name, CHARS_PER_LINE).join("\n"),
      },
      axisTick: { show: false },
    },
    xAxis: {
      type: "value",
      name: t("analytics.zAxis"),
      nameLocation: "middle",
      nameGap: 28,
      axisLabel: { formatter: (v: number) => formatShort(v) },
    },
    series: data.profiles.map((p) => ({
      type: "bar",
      name: t("analytics.clusterName", { n: p.cluster }),
      data: data.indicators.map((i) => p.zMeans[i.code] ?? 0),
    })),
  };
  return (
    <Paper data-testid="profiles-chart">
      <Text fw={600} mb="xs">
        {t("analytics.profilesChartTitle")}
      </Text>
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: chartHeight(data), width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </Paper>
  );
}
