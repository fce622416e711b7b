import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ClustersResponse } from "../../../core/analytics";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { formatShort } from "./analytics-format";

type ChartOption = BarChartOption;

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
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    yAxis: {
      type: "category",
      inverse: true,
      data: data.indicators.map((i) => i.name),
      axisLabel: { width: 280, overflow: "truncate", interval: 0 },
      axisTick: { show: false },
    },
    xAxis: { type: "value", name: t("analytics.zAxis") },
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
        style={{ height: 80 + data.indicators.length * (data.profiles.length * 14 + 24), width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </Paper>
  );
}
