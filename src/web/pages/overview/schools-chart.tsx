import { Paper, Text } from "@mantine/core";
import type { BarSeriesOption } from "echarts/charts";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { MunicipalitySummary } from "../../../shared/api";
import { type BarChartOption, echarts } from "../../components/bar-echarts";

type ChartOption = BarChartOption;

const ROW_HEIGHT = 22;
const COLORS = { urban: "#4c6ef5", ruralSmall: "#fd7e14", ruralOther: "#20c997" };

/** Municipalities from the most schools to the fewest, listed bottom-up as ECharts draws categories. */
function byTotalBottomUp(municipalities: readonly MunicipalitySummary[]): MunicipalitySummary[] {
  return [...municipalities].sort(
    (a, b) => a.schoolCount - b.schoolCount || b.name.localeCompare(a.name, "ru"),
  );
}

/** Schools per municipality as stacked horizontal bars: urban, rural small, rural not small. Click opens it. */
export function SchoolsChart({ municipalities }: { municipalities: readonly MunicipalitySummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = byTotalBottomUp(municipalities);
  const series = (
    name: string,
    color: string,
    value: (m: MunicipalitySummary) => number,
  ): BarSeriesOption => ({
    type: "bar",
    name,
    stack: "schools",
    color,
    barMaxWidth: 18,
    emphasis: { focus: "series" },
    data: rows.map(value),
  });
  const option: ChartOption = {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0, left: 0, itemGap: 20 },
    grid: { left: 8, right: 32, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: rows.map((m) => m.name), axisTick: { show: false } },
    series: [
      series(t("overview.chartUrban"), COLORS.urban, (m) => m.schoolCount - m.ruralCount),
      series(t("overview.chartRuralSmall"), COLORS.ruralSmall, (m) => m.smallCount),
      series(t("overview.chartRuralOther"), COLORS.ruralOther, (m) => m.ruralCount - m.smallCount),
    ],
  };
  const onClick = (params: { dataIndex?: number }) => {
    const m = params.dataIndex === undefined ? undefined : rows[params.dataIndex];
    if (m) navigate(`/municipalities/${m.id}`);
  };

  return (
    <Paper data-testid="schools-chart">
      <Text fw={600} mb="xs">
        {t("overview.chartTitle")}
      </Text>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: Math.max(240, rows.length * ROW_HEIGHT + 80), width: "100%" }}
        opts={{ renderer: "svg" }}
        onEvents={{ click: onClick }}
      />
    </Paper>
  );
}
