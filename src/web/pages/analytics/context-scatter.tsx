import { Paper, Text } from "@mantine/core";
import { LineChart, type LineSeriesOption, ScatterChart, type ScatterSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type ContextModelResponse, QUADRANT_LABELS, QUADRANTS } from "../../../core/analytics";
import { EChart } from "../../components/echart";
import { formatValue, QUADRANT_COLORS } from "./analytics-format";

echarts.use([ScatterChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type ChartOption = echarts.ComposeOption<
  | ScatterSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;
type Row = ContextModelResponse["schools"][number];

/**
 * Context against result: with one context indicator its value on x, otherwise the context index
 * (the expected result); the line is the expected result. Points are coloured by group; a click
 * opens the school card.
 */
export function ContextScatter({ data }: { data: ContextModelResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { model } = data;
  const isSingle = model.context.length === 1;
  const xOf = (r: Row) => (isSingle ? r.context[0]! : r.expected);
  const groups = QUADRANTS.map((q) => data.schools.filter((r) => r.quadrant === q));
  const xs = data.schools.map(xOf);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const line = (x: number) =>
    isSingle ? model.coefficients[0]!.estimate + model.coefficients[1]!.estimate * x : x;

  const option: ChartOption = {
    legend: { top: 0, left: 0 },
    grid: { left: 16, right: 24, top: 48, bottom: 32, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const row = p ? groups[p.seriesIndex ?? -1]?.[p.dataIndex] : undefined;
        if (!row) return "";
        return [
          `<b>${row.name}</b> (${row.code})`,
          `${t("analytics.actual")}: ${formatValue(row.actual)}`,
          `${t("analytics.expected")}: ${formatValue(row.expected)} [${formatValue(row.low)}; ${formatValue(row.high)}]`,
          QUADRANT_LABELS[row.quadrant],
        ].join("<br/>");
      },
    },
    xAxis: {
      type: "value",
      scale: true,
      name: isSingle ? model.context[0]!.name : t("analytics.contextIndex"),
      nameLocation: "middle",
      nameGap: 28,
    },
    yAxis: {
      type: "value",
      scale: true,
      name: model.outcome.name,
      nameLocation: "end",
      nameTextStyle: { align: "left" },
    },
    series: [
      ...QUADRANTS.map(
        (q, i): ScatterSeriesOption => ({
          type: "scatter",
          name: QUADRANT_LABELS[q],
          color: QUADRANT_COLORS[q],
          symbolSize: 7,
          large: groups[i]!.length > 5000,
          data: groups[i]!.map((r) => [xOf(r), r.actual]),
          cursor: "pointer",
        }),
      ),
      {
        type: "line",
        name: t("analytics.expectedLine"),
        color: "#1c7ed6",
        showSymbol: false,
        silent: true,
        data: [
          [xMin, line(xMin)],
          [xMax, line(xMax)],
        ],
      },
    ],
  };
  const onClick = (params: { seriesIndex?: number; dataIndex?: number }) => {
    const row = groups[params.seriesIndex ?? -1]?.[params.dataIndex ?? -1];
    if (row) navigate(`/schools/${row.schoolId}`);
  };

  return (
    <Paper data-testid="context-scatter">
      <Text fw={600} mb="xs">
        {t("analytics.scatterTitle")}
      </Text>
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 480, width: "100%" }}
        onEvents={{ click: onClick }}
      />
    </Paper>
  );
}
