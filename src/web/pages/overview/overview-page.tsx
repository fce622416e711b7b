import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RegionRequired, useWorkRegion } from "../../app/work-region";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { MunicipalitiesTable } from "../municipalities/municipalities-table";
import { OverduePanel } from "../plans/overdue-panel";
import { useRegionOverview } from "./overview.queries";
import { OverviewTotals } from "./overview-totals";
import { SchoolsChart } from "./schools-chart";

/** «Обзор региона»: key figures, schools per municipality as a chart and as a table. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { regionId } = useWorkRegion();
  return (
    <RegionRequired title={t("overview.title")}>
      <RegionOverview regionId={regionId} />
    </RegionRequired>
  );
}

function RegionOverview({ regionId }: { regionId: number | undefined }) {
  const { t } = useTranslation();
  const overview = useRegionOverview(regionId);

  return (
    <QueryView query={overview}>
      {(data) => (
        <Stack gap="lg">
          <PageHeader title={t("overview.title")} subtitle={data.region.name} />
          <OverviewTotals totals={data.totals} municipalities={data.municipalities} />
          {data.municipalities.length === 0 ? (
            <Paper>
              <Text c="dimmed">{t("overview.empty")}</Text>
            </Paper>
          ) : (
            <>
              <SchoolsChart municipalities={data.municipalities} />
              <OverduePanel regionId={data.region.id} limit={5} />
              <Paper p={0}>
                <Title order={4} px="md" pt="md">
                  {t("overview.tableTitle")}
                </Title>
                <MunicipalitiesTable municipalities={data.municipalities} />
              </Paper>
            </>
          )}
        </Stack>
      )}
    </QueryView>
  );
}
