import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { MunicipalitySummary } from "../../../shared/api";
import { type BarChartOption, echarts, stackedBars } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { formatNumber } from "../../components/format";

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
  const names = rows.map((m) => m.name);
  const option: ChartOption = {
    ...stackedBars({
      stack: "schools",
      categories: names,
      totalLabel: t("overview.chartTotal"),
      format: formatNumber,
      segments: [
        {
          name: t("overview.chartUrban"),
          color: COLORS.urban,
          values: rows.map((m) => m.schoolCount - m.ruralCount),
        },
        {
          name: t("overview.chartRuralSmall"),
          color: COLORS.ruralSmall,
          values: rows.map((m) => m.smallCount),
        },
        {
          name: t("overview.chartRuralOther"),
          color: COLORS.ruralOther,
          values: rows.map((m) => m.ruralCount - m.smallCount),
        },
      ],
    }),
    grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: names, axisTick: { show: false } },
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
      <EChart
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
