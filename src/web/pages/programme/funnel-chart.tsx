import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FUNNEL_STAGES, type Funnel } from "../../../shared/decisions-api";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { formatNumber } from "../../components/format";

const STAGE_COLORS = ["#4c6ef5", "#7950f2", "#be4bdb", "#15aabf", "#12b886", "#40c057"];

/** The funnel of the territory as horizontal bars, one a stage, widest at the top. */
export function FunnelChart({ data }: { data: Funnel }) {
  const { t } = useTranslation();
  const stages = [...FUNNEL_STAGES].reverse();
  const option: BarChartOption = {
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      data: stages.map((stage) => t(`decisions.funnel.stages.${stage}`)),
      axisTick: { show: false },
    },
    tooltip: { trigger: "axis" },
    series: [
      {
        type: "bar",
        name: t("decisions.funnel.chartTitle"),
        data: stages.map((stage) => ({
          value: data.totals[stage],
          itemStyle: { color: STAGE_COLORS[FUNNEL_STAGES.indexOf(stage)] },
        })),
        label: { show: true, position: "right", formatter: (p) => formatNumber(Number(p.value)) },
        barMaxWidth: 36,
      },
    ],
  };
  return (
    <Paper withBorder p="sm" data-testid="funnel-chart">
      <Text fw={600} mb="xs">
        {t("decisions.funnel.chartTitle")}
      </Text>
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 280, width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </Paper>
  );
}
