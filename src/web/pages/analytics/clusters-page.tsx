import { Alert, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RegionRequired } from "../../app/work-region";
import { formatNumber } from "../../components/format";
import { PageHeader } from "../../components/page-header";
import { StatCard } from "../../components/stat-card";
import { type ClustersRequest, useClusters } from "./analytics.queries";
import { formatValue } from "./analytics-format";
import { useAnalyticsInputs } from "./analytics-inputs";
import { ClusterProfilesChart } from "./cluster-profiles-chart";
import { ClusterProfilesTable } from "./cluster-profiles-table";

/** The survey «Социальные условия функционирования школы»: the default indicators to cluster on. */
const DEFAULT_INDICATORS = [
  "parents_higher_education_share",
  "low_income_share",
  "single_parent_share",
  "prevention_register_share",
  "distance_to_center_km",
];
const AUTO = "auto";

function ClustersPageBody() {
  const { t } = useTranslation();
  const { region, indicators, has, year, yearSelect } = useAnalyticsInputs();
  const [picked, setPicked] = useState<string[] | null>(null);
  const [k, setK] = useState<string>(AUTO);
  const chosen = picked ?? DEFAULT_INDICATORS.filter(has);
  const [request, setRequest] = useState<ClustersRequest | null>(null);
  const clusters = useClusters(request);
  const run = () => {
    if (chosen.length === 0 || year === null) return;
    setRequest({
      indicators: chosen,
      year,
      k: k === AUTO ? undefined : Number(k),
      regionId: region.regionId,
    });
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t("analytics.clustersTitle")} subtitle={t("analytics.clustersSubtitle")} />
      <Paper>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect
            label={t("analytics.indicators")}
            data={indicators.map((i) => ({ value: i.code, label: i.name }))}
            value={chosen}
            onChange={setPicked}
            searchable
            w={560}
            data-testid="clusters-indicators"
          />
          {yearSelect}
          <Select
            label={t("analytics.k")}
            data={[
              { value: AUTO, label: t("analytics.kAuto") },
              ...[2, 3, 4, 5, 6, 7, 8].map((n) => ({ value: String(n), label: String(n) })),
            ]}
            value={k}
            onChange={(v) => setK(v ?? AUTO)}
            allowDeselect={false}
            w={200}
          />
          <Button
            onClick={run}
            disabled={chosen.length === 0 || year === null}
            loading={clusters.isFetching}
            data-testid="clusters-run"
          >
            {t("analytics.run")}
          </Button>
        </Group>
      </Paper>
      {clusters.isError && (
        <Alert color="red" title={t("analytics.failed")}>
          {clusters.error.message}
        </Alert>
      )}
      {!request && <Text c="dimmed">{t("analytics.clustersHint")}</Text>}
      {clusters.data && (
        <Stack gap="lg" data-testid="clusters-result">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <StatCard
              label={t("analytics.kLabel")}
              value={String(clusters.data.k)}
              hint={
                clusters.data.kChosenBy === "silhouette"
                  ? t("analytics.kBySilhouette")
                  : t("analytics.kByUser")
              }
            />
            <StatCard label={t("analytics.silhouette")} value={formatValue(clusters.data.silhouette)} />
            <StatCard
              label={t("analytics.schoolsClustered")}
              value={formatNumber(clusters.data.profiles.reduce((s, p) => s + p.size, 0))}
            />
            <StatCard
              label={t("analytics.excluded")}
              value={formatNumber(clusters.data.excluded.length)}
              hint={t("analytics.excludedHint")}
            />
          </SimpleGrid>
          <ClusterProfilesChart data={clusters.data} />
          <ClusterProfilesTable data={clusters.data} />
          <Text size="sm" c="dimmed">
            {clusters.data.categoriesSource
              ? t("analytics.categoriesFrom", { source: clusters.data.categoriesSource })
              : t("analytics.noCategories")}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

/** «Кластеры»: schools grouped by social conditions, with each cluster's profile. */
export function ClustersPage() {
  const { t } = useTranslation();
  return (
    <RegionRequired title={t("analytics.clustersTitle")}>
      <ClustersPageBody />
    </RegionRequired>
  );
}
