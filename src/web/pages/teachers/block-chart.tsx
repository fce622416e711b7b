import { useTranslation } from "react-i18next";
import { PROFESSIONAL_BLOCKS } from "../../../core/teachers";
import type { Assessment } from "../../../shared/teachers-api";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";

/** Colours of the levels. */
export const LEVEL_COLORS = { deficit: "#e03131", partial: "#f08c00", mastered: "#2f9e44" } as const;

/**
 * A diagnosis as horizontal bars, one per block of the professional standard, coloured by level, with
 * an earlier diagnosis (the first of the re-assessment) as pale bars under them when given.
 */
export function BlockChart({ latest, earlier }: { latest: Assessment; earlier?: Assessment | null }) {
  const { t } = useTranslation();
  const blocks = [...PROFESSIONAL_BLOCKS].reverse();
  const names = blocks.map((b) => t(`teachers.blocks.${b}`));
  const bar = (a: Assessment, pale: boolean) =>
    blocks.map((b) => {
      const score = a.scores[b];
      const level = a.levels[b];
      return {
        value: score ?? 0,
        itemStyle: { color: level ? LEVEL_COLORS[level] : "#adb5bd", opacity: pale ? 0.35 : 1 },
      };
    });
  const option: BarChartOption = {
    animation: false,
    grid: { left: 8, right: 40, top: earlier ? 28 : 8, bottom: 24, containLabel: true },
    xAxis: { type: "value", min: 0, max: 100, interval: 10 },
    yAxis: { type: "category", data: names, axisTick: { show: false } },
    legend: earlier
      ? { top: 0, left: 0, data: [t("teachers.card.before"), t("teachers.card.after")] }
      : undefined,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    series: [
      ...(earlier
        ? [
            {
              type: "bar" as const,
              name: t("teachers.card.before"),
              barMaxWidth: 12,
              color: "#adb5bd",
              data: bar(earlier, true),
            },
          ]
        : []),
      {
        type: "bar",
        name: t("teachers.card.after"),
        barMaxWidth: 16,
        color: "#1c7ed6",
        label: { show: true, position: "right" },
        data: bar(latest, false),
      },
    ],
  };
  return (
    <div data-testid="teacher-block-chart">
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer: "svg" }}
        style={{ height: 300, width: "100%" }}
      />
    </div>
  );
}
