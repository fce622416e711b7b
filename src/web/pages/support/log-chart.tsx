import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LOG_AUDIENCES } from "../../../core/support";
import type { LogList } from "../../../shared/support-api";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";

/** Consultations of the filtered log by audience, as bars: who the МОЦ reached and who it did not. */
export function LogAudienceChart({ totals }: { totals: LogList["totals"] }) {
  const { t } = useTranslation();
  const names = LOG_AUDIENCES.map((a) => t(`support.audienceShort.${a}`));
  const option: BarChartOption = {
    animation: false,
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: names, inverse: true, axisTick: { show: false } },
    series: [
      {
        type: "bar",
        color: "#4c6ef5",
        barMaxWidth: 16,
        label: { show: true, position: "right" },
        data: LOG_AUDIENCES.map((a) => totals.byAudience[a] ?? 0),
      },
    ],
  };
  return (
    <Paper data-testid="log-chart">
      <Text fw={600} mb="xs">
        {t("support.log.byAudience")}
      </Text>
      <EChart echarts={echarts} option={option} style={{ height: 180 }} />
    </Paper>
  );
}
