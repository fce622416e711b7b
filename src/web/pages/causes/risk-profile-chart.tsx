import { Group, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FactorRiskItem } from "../../../shared/school-causes-api";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { GROUPS, LEVEL_COLORS, LEVELS } from "./causes-labels";

/** A row of the chart: a group heading or a factor. */
type ChartRow = { kind: "group"; label: string } | { kind: "factor"; factor: FactorRiskItem };

/** The factors by group (in the groups' order), each group headed by its name. */
export function chartRows(factors: readonly FactorRiskItem[]): ChartRow[] {
  return GROUPS.flatMap(({ group, label }) => {
    const inGroup = factors.filter((factor) => factor.group === group);
    if (inGroup.length === 0) return [];
    return [
      { kind: "group" as const, label },
      ...inGroup.map((factor) => ({ kind: "factor" as const, factor })),
    ];
  });
}

const NO_DATA_WIDTH = 0.02;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

/**
 * The risk profile as horizontal bars: a bar per factor, its length the score 0–1 and its colour the
 * level, factors under their group's name; a factor without data gets a stub bar labelled «нет данных».
 */
export function RiskProfileChart({ factors }: { factors: readonly FactorRiskItem[] }) {
  const { t } = useTranslation();
  const rows = [...chartRows(factors)].reverse();
  const names = rows.map((row) => (row.kind === "group" ? `{group|${row.label}}` : row.factor.title));
  const option: BarChartOption = {
    animation: false,
    grid: { left: 8, right: 110, top: 8, bottom: 24, containLabel: true },
    xAxis: {
      type: "value",
      min: 0,
      max: 1,
      interval: 0.2,
      axisLabel: { formatter: (v: number) => String(v).replace(".", ",") },
    },
    yAxis: {
      type: "category",
      data: names,
      axisTick: { show: false },
      axisLabel: {
        width: 420,
        overflow: "truncate",
        rich: { group: { fontWeight: "bold", color: "#212529", fontSize: 13 } },
      },
    },
    tooltip: {
      trigger: "item",
      formatter: (raw: unknown) => {
        const index =
          typeof raw === "object" && raw !== null && "dataIndex" in raw ? Number(raw.dataIndex) : -1;
        const row = rows[index];
        return row?.kind === "factor" ? escapeHtml(`${row.factor.title}: ${row.factor.summary}`) : "";
      },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 16,
        data: rows.map((row) => {
          if (row.kind === "group")
            return { value: 0, itemStyle: { color: "transparent" }, label: { show: false } };
          const { level, score } = row.factor;
          return {
            value: score ?? NO_DATA_WIDTH,
            itemStyle: { color: LEVEL_COLORS[level] },
            label: {
              show: true,
              position: "right",
              color: level === "no_data" ? "#868e96" : "#343a40",
              formatter: () =>
                level === "no_data"
                  ? t("causes.levels.no_data")
                  : `${t(`causes.levels.${level}`)} · ${(score ?? 0).toFixed(2).replace(".", ",")}`,
            },
          };
        }),
      },
    ],
  };
  return (
    <Paper data-testid="risk-profile-chart" withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t("causes.profile.chartTitle")}</Text>
        <Group gap="md">
          {LEVELS.map((level) => (
            <Group key={level} gap={4}>
              <div style={{ width: 12, height: 12, borderRadius: 2, background: LEVEL_COLORS[level] }} />
              <Text size="xs">{t(`causes.levels.${level}`)}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: rows.length * 26 + 40, width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </Paper>
  );
}
