import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RegistryScopeView } from "../../../shared/school-causes-api";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { formatNumber } from "../../components/format";
import { schoolYearLabel } from "./causes-year";

const THIS_YEAR = "#4c6ef5";
const LAST_YEAR = "#adb5bd";

/** Schools per cause as horizontal bars, this year beside the previous one (only causes present in either). */
export function RegistryChart({
  scope,
  year,
  previousYear,
}: {
  scope: RegistryScopeView;
  year: number;
  previousYear: number;
}) {
  const { t } = useTranslation();
  const rows = scope.rows.filter((row) => row.schools > 0 || (row.previousSchools ?? 0) > 0).reverse();
  const names = rows.map((row) => row.title);
  const current = schoolYearLabel(year);
  const previous = schoolYearLabel(previousYear);
  const label = {
    show: true,
    position: "right" as const,
    formatter: (p: { value: unknown }) => formatNumber(Number(p.value)),
  };
  const option: BarChartOption = {
    animation: false,
    grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, data: [current, previous] },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      data: names,
      axisTick: { show: false },
      axisLabel: { width: 420, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        name: previous,
        color: LAST_YEAR,
        barMaxWidth: 12,
        label,
        data: rows.map((row) => row.previousSchools ?? 0),
      },
      {
        type: "bar",
        name: current,
        color: THIS_YEAR,
        barMaxWidth: 12,
        label,
        data: rows.map((row) => row.schools),
      },
    ],
  };
  return (
    <Paper withBorder p="sm" data-testid="registry-chart">
      <Text fw={600} mb="xs">
        {t("causes.registry.chartTitle", { year: current, previous })}
      </Text>
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: rows.length * 40 + 60, width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </Paper>
  );
}
