import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FORM_STATUS_LABELS, type FormStatus } from "../../../core/forms/form-workflow";
import type { DashboardRow } from "../../../shared/data-collection";
import { type BarChartOption, echarts, stackedBars } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { formatNumber } from "../../components/format";
import { DASHBOARD_STATUSES } from "./dashboard-statuses";

type ChartOption = BarChartOption;

const COLORS: Record<FormStatus, string> = {
  accepted: "#2f9e44",
  approved: "#20c997",
  submitted: "#4c6ef5",
  returned: "#fd7e14",
  draft: "#ced4da",
};

/** Schools by form state per municipality as stacked horizontal bars; a click selects the municipality. */
export function ProgressChart({
  rows,
  onSelect,
}: {
  rows: readonly DashboardRow[];
  onSelect: (municipalityId: number) => void;
}) {
  const { t } = useTranslation();
  const bottomUp = [...rows].reverse();
  const names = bottomUp.map((r) => r.municipalityName);
  // segments left to right and the legend in the order of the table's columns
  const option: ChartOption = {
    ...stackedBars({
      stack: "forms",
      categories: names,
      totalLabel: t("dashboard.chartTotal"),
      format: formatNumber,
      segments: DASHBOARD_STATUSES.map((status) => ({
        name: FORM_STATUS_LABELS[status],
        color: COLORS[status],
        values: bottomUp.map((r) => r[status]),
      })),
    }),
    grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: names, axisTick: { show: false } },
  };
  const onClick = (params: { dataIndex?: number }) => {
    const row = params.dataIndex === undefined ? undefined : bottomUp[params.dataIndex];
    if (row) onSelect(row.municipalityId);
  };
  return (
    <Paper data-testid="progress-chart">
      <Text fw={600} mb="xs">
        {t("dashboard.chartTitle")}
      </Text>
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: Math.max(240, rows.length * 22 + 80), width: "100%" }}
        opts={{ renderer: "svg" }}
        onEvents={{ click: onClick }}
      />
    </Paper>
  );
}
