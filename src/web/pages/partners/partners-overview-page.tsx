import { Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PartnersOverview } from "../../../shared/partners-api";
import { useWorkRegion } from "../../app/work-region";
import { type BarChartOption, echarts } from "../../components/bar-echarts";
import { EChart } from "../../components/echart";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { usePartnersOverview } from "./partners.queries";

function OverviewChart({ data }: { data: PartnersOverview }) {
  const { t } = useTranslation();
  const rows = data.municipalities.filter((m) => m.programmeSchools > 0).reverse();
  const option: BarChartOption = {
    animation: false,
    grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: rows.map((m) => m.name), axisTick: { show: false } },
    series: [
      {
        type: "bar",
        name: t("partners.programmeSchools"),
        color: "#adb5bd",
        barMaxWidth: 10,
        data: rows.map((m) => m.programmeSchools),
      },
      {
        type: "bar",
        name: t("partners.withSchoolPartner"),
        color: "#4c6ef5",
        barMaxWidth: 10,
        data: rows.map((m) => m.withSchoolPartner),
      },
      {
        type: "bar",
        name: t("partners.withSocialPartner"),
        color: "#40c057",
        barMaxWidth: 10,
        data: rows.map((m) => m.withSocialPartner),
      },
    ],
  };
  return (
    <Paper withBorder p="sm" data-testid="partners-chart">
      <Text fw={600} mb="xs">
        {t("partners.chartTitle")}
      </Text>
      <EChart
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: rows.length * 48 + 60, width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </Paper>
  );
}

/** The partnerships of the region (or the МОЦ's municipality): a chart by municipality and the programme schools' table. */
export function PartnersOverviewPage() {
  const { t } = useTranslation();
  // a federal operator reads the region chosen in the header
  const region = useWorkRegion();
  const query = usePartnersOverview(region.regionId, region.isReady);
  return (
    <QueryView query={query}>
      {(data) => (
        <Stack>
          <PageHeader title={t("partners.overviewTitle")} />
          <OverviewChart data={data} />
          <Table striped data-testid="partners-schools">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("partners.partner")}</Table.Th>
                <Table.Th>{t("partners.municipality")}</Table.Th>
                <Table.Th>{t("partners.withSchoolPartner")}</Table.Th>
                <Table.Th>{t("partners.withSocialPartner")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.programmeSchools.map((row) => (
                <Table.Tr key={row.school.id}>
                  <Table.Td>
                    <Link to={`/schools/${row.school.id}/partners`}>{row.school.name}</Link>
                  </Table.Td>
                  <Table.Td>{row.school.municipalityName}</Table.Td>
                  <Table.Td>{row.schoolPartners}</Table.Td>
                  <Table.Td>{row.socialPartners}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </QueryView>
  );
}
