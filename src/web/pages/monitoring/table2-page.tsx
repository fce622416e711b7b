import { Alert, Button, Chip, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatChange } from "../../../core/monitoring";
import type { Table2View } from "../../../shared/monitoring-api";
import { toQuery } from "../../app/api-client";
import { useWorkRegion } from "../../app/work-region";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useReportList, useTable2 } from "./monitoring.queries";

const COLORS = ["#adb5bd", "#4c6ef5", "#40c057", "#fab005", "#e64980"];

function DynamicsChart({ table }: { table: Table2View }) {
  const { t } = useTranslation();
  const option: BarChartOption = {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: {
      type: "category",
      data: table.criterionMeans.map((c) => `${t("monitoring.criterion")} ${c.code}`),
    },
    yAxis: { type: "value", max: 100, name: "%" },
    series: table.years.map((year, i) => ({
      type: "bar",
      name: String(year),
      color: COLORS[i % COLORS.length],
      barMaxWidth: 18,
      data: table.criterionMeans.map((c) => c.means[i] ?? 0),
    })),
  };
  return (
    <Paper withBorder p="sm" data-testid="table2-chart">
      <Text fw={600} mb="xs">
        {t("monitoring.chartTitle")}
      </Text>
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 340, width: "100%" }}
        opts={{ renderer: "svg" }}
      />
      {table.criterionMeans.map((c) => (
        <Text size="xs" c="dimmed" key={c.code}>
          {t("monitoring.criterion")} {c.code} — {c.title}
        </Text>
      ))}
    </Paper>
  );
}

function Table2Grid({ table }: { table: Table2View }) {
  const { t } = useTranslation();
  const pairs = table.years.slice(1).map((to, i) => ({ from: table.years[i] ?? to, to }));
  const columns = 2 + table.years.length * 2 + pairs.length * 2;
  return (
    <Table withTableBorder withColumnBorders data-testid="table2">
      <Table.Thead>
        <Table.Tr>
          <Table.Th rowSpan={2}>{t("monitoring.code")}</Table.Th>
          <Table.Th rowSpan={2}>{t("monitoring.indicator")}</Table.Th>
          {table.years.map((y) => (
            <Table.Th key={y} colSpan={2} ta="center">
              {t("monitoring.valueOfYear", { year: y })}
            </Table.Th>
          ))}
          {pairs.map((p) => (
            <Table.Th key={p.to} colSpan={2} ta="center">
              {t("monitoring.change", p)}
            </Table.Th>
          ))}
        </Table.Tr>
        <Table.Tr>
          {table.years.map((y) => (
            <Fragment key={y}>
              <Table.Th ta="center">{t("monitoring.count")}</Table.Th>
              <Table.Th ta="center">{t("monitoring.percent")}</Table.Th>
            </Fragment>
          ))}
          {pairs.map((p) => (
            <Fragment key={p.to}>
              <Table.Th ta="center">{t("monitoring.changeCount")}</Table.Th>
              <Table.Th ta="center">{t("monitoring.changePoints")}</Table.Th>
            </Fragment>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) =>
          row.kind === "criterion" ? (
            <Table.Tr key={`c${row.code}`} bg="gray.1">
              <Table.Td colSpan={columns}>
                <Text fw={600}>
                  {row.code}. {row.title}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            <Table.Tr key={row.code} data-testid={`table2-row-${row.code}`}>
              <Table.Td>{row.code}</Table.Td>
              <Table.Td>
                <Text size="sm">{row.wording}</Text>
                <Text size="xs" c="dimmed">
                  {row.baseLabel}
                </Text>
              </Table.Td>
              {row.cells.map((c, i) => (
                <Fragment key={table.years[i]}>
                  <Table.Td ta="center">{c.count}</Table.Td>
                  <Table.Td ta="center">{c.percent ?? "—"}</Table.Td>
                </Fragment>
              ))}
              {row.changes.map((c) => (
                <Fragment key={c.to}>
                  <Table.Td ta="center">{formatChange(c.count)}</Table.Td>
                  <Table.Td ta="center">{formatChange(c.percentPoints)}</Table.Td>
                </Fragment>
              ))}
            </Table.Tr>
          ),
        )}
      </Table.Tbody>
    </Table>
  );
}

/** Table 2 of the monitoring for two or more programme years: the chart of dynamics, the table, its documents. */
export function Table2Page() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  const list = useReportList({ stage: "final", regionId: region.regionId }, region.isReady);
  const available = list.data?.years ?? [];
  const [chosen, setChosen] = useState<string[] | null>(null);
  const years = (chosen ?? available.slice(0, 2).map(String)).map(Number).sort((a, b) => a - b);
  const query = useTable2({ years, regionId: region.regionId }, region.isReady && available.length > 0);
  const q = toQuery({ years: years.join(","), regionId: region.regionId });
  return (
    <Stack>
      <PageHeader
        title={t("monitoring.table2Title")}
        crumbs={[{ label: t("monitoring.title"), to: "/monitoring" }]}
        actions={
          <Group>
            <Button component="a" variant="default" href={`/api/monitoring/table2.xlsx${q}`}>
              {t("monitoring.xlsx")}
            </Button>
            <Button component="a" variant="default" href={`/api/monitoring/table2.docx${q}`}>
              {t("monitoring.docx")}
            </Button>
          </Group>
        }
      />
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t("monitoring.years")}:
        </Text>
        <Chip.Group multiple value={years.map(String)} onChange={setChosen}>
          {[...available].sort().map((y) => (
            <Chip key={y} value={String(y)} data-testid={`year-${y}`}>
              {y}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
      {years.length < 2 ? (
        <Alert color="gray">{t("monitoring.chooseTwoYears")}</Alert>
      ) : (
        <QueryView query={query}>
          {(table) => (
            <Stack>
              <DynamicsChart table={table} />
              <Table2Grid table={table} />
              <Paper withBorder p="sm">
                <Text fw={600}>{t("monitoring.bases")}</Text>
                {table.bases.map((b) => (
                  <Text size="sm" key={b.year}>
                    {t("monitoring.baseLine", {
                      ...b,
                      reports: table.reportsCounted.find((r) => r.year === b.year)?.reports ?? 0,
                    })}
                  </Text>
                ))}
                <Text size="xs" c="dimmed" mt="xs">
                  {t("monitoring.countedNote")}
                </Text>
              </Paper>
            </Stack>
          )}
        </QueryView>
      )}
    </Stack>
  );
}
