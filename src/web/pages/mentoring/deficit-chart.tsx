import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PROFESSIONAL_BLOCK_LABELS } from "../../../core/teachers";
import type { DeficitChange } from "../../../shared/mentoring-api";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";

/** The mentee's scores by block at the earlier and the latest diagnosis, as horizontal bars (0–100). */
export function DeficitChart({ change }: { change: DeficitChange }) {
  const { t } = useTranslation();
  if (!change.latest) return <Text c="dimmed">{t("mentoring.pair.noDiagnosis")}</Text>;
  const rows = [...change.blocks].reverse();
  const earlier = change.earlier ? t("mentoring.pair.earlier", { date: change.earlier.assessedOn }) : null;
  const latest = t("mentoring.pair.latest", { date: change.latest.assessedOn });
  const option: BarChartOption = {
    animation: false,
    grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, data: [earlier, latest].filter((x): x is string => x !== null) },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", min: 0, max: 100 },
    yAxis: {
      type: "category",
      data: rows.map((r) => PROFESSIONAL_BLOCK_LABELS[r.block]),
      axisTick: { show: false },
    },
    series: [
      ...(earlier
        ? [
            {
              type: "bar" as const,
              name: earlier,
              color: "#adb5bd",
              barMaxWidth: 12,
              label: { show: true, position: "right" as const },
              data: rows.map((r) => r.before ?? 0),
            },
          ]
        : []),
      {
        type: "bar" as const,
        name: latest,
        color: "#4c6ef5",
        barMaxWidth: 12,
        label: { show: true, position: "right" as const },
        data: rows.map((r) => r.after ?? 0),
      },
    ],
  };
  return (
    <Paper withBorder p="sm" data-testid="deficit-chart">
      <EChart
        echarts={echarts}
        option={option}
        style={{ height: 60 + rows.length * 44, width: "100%" }}
        notMerge
      />
    </Paper>
  );
}
