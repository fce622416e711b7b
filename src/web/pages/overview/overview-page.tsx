import { Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../app/session";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { MunicipalitiesTable } from "../municipalities/municipalities-table";
import { OverduePanel } from "../plans/overdue-panel";
import { useRegionOverview, useRegions } from "./overview.queries";
import { OverviewTotals } from "./overview-totals";
import { SchoolsChart } from "./schools-chart";

/** «Обзор региона»: key figures, schools per municipality as a chart and as a table. */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isMultiRegion = me.regionId === null;
  const regions = useRegions(isMultiRegion);
  const [pickedRegionId, setPickedRegionId] = useState<number | null>(null);
  const regionId = isMultiRegion ? (pickedRegionId ?? regions.data?.[0]?.id) : undefined;
  const overview = useRegionOverview(regionId, !isMultiRegion || regionId !== undefined);

  const regionPicker = isMultiRegion && (
    <Select<number>
      aria-label={t("overview.region")}
      placeholder={t("overview.region")}
      data={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
      value={regionId ?? null}
      onChange={setPickedRegionId}
      allowDeselect={false}
      searchable
      w={320}
    />
  );

  return (
    <QueryView query={overview}>
      {(data) => (
        <Stack gap="lg">
          <PageHeader title={t("overview.title")} subtitle={data.region.name} actions={regionPicker} />
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
