import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SUPPORT_KIND_LABELS, SUPPORT_KINDS, type SupportKind } from "../../../core/addressed";
import type { AddressedSupport } from "../../../shared/addressed-api";
import { type BarChartOption, echarts, stackedBars } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { formatNumber } from "../../components/format";

/** A colour per kind of support, the same in the chart and the table. */
export const KIND_COLORS: Record<SupportKind, string> = {
  consultations: "#4c6ef5",
  requests: "#f59f00",
  courses: "#12b886",
  mentoring: "#be4bdb",
  events: "#15aabf",
  partners: "#fa5252",
};

/** Each programme school's support of the year as a stacked bar: one segment per kind. */
export function AddressedChart({ data }: { data: AddressedSupport }) {
  const { t } = useTranslation();
  const schools = [...data.schools].reverse();
  const categories = schools.map((school) => school.name);
  const option: BarChartOption = {
    grid: { left: 8, right: 48, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      data: categories,
      axisTick: { show: false },
      axisLabel: { width: 360, overflow: "truncate" },
    },
    ...stackedBars({
      stack: "support",
      categories,
      totalLabel: t("addressed.chartTotal"),
      format: formatNumber,
      segments: SUPPORT_KINDS.map((kind) => ({
        name: SUPPORT_KIND_LABELS[kind],
        color: KIND_COLORS[kind],
        values: schools.map((school) => school.counts[kind]),
      })),
    }),
  };
  return (
    <Paper withBorder p="sm" data-testid="addressed-chart">
      <Text fw={600} mb="xs">
        {t("addressed.chartTitle")}
      </Text>
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: Math.max(180, schools.length * 28 + 90), width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </Paper>
  );
}
