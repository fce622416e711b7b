import { Paper, Text } from "@mantine/core";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useTranslation } from "react-i18next";
import { FORM_STATUS_LABELS, type FormStatus } from "../../../core/forms/form-workflow";
import type { DashboardRow } from "../../../shared/data-collection";
import { type BarChartOption, echarts } from "../../components/bar-echarts";

type ChartOption = BarChartOption;

const ORDER: FormStatus[] = ["accepted", "approved", "submitted", "returned", "draft"];
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
  const option: ChartOption = {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0, left: 0, itemGap: 16 },
    grid: { left: 8, right: 32, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: bottomUp.map((r) => r.municipalityName), axisTick: { show: false } },
    series: ORDER.map((status) => ({
      type: "bar",
      name: FORM_STATUS_LABELS[status],
      stack: "forms",
      color: COLORS[status],
      barMaxWidth: 18,
      data: bottomUp.map((r) => r[status]),
    })),
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
      <ReactEChartsCore
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
