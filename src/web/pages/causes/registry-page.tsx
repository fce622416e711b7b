import { Alert, Button, Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useCausesRegion } from "./causes-region";
import { useCausesYear } from "./causes-year";
import { RegistryChart } from "./registry-chart";
import { RegistryTable } from "./registry-table";
import { registryQuery, useCauseRegistry } from "./school-causes.queries";

/**
 * «Реестр причин»: the programme schools per confirmed cause for the region (or one municipality) and a
 * school year, with a chart beside the previous year, a table with the change, and XLSX / DOCX downloads.
 */
export function RegistryPage() {
  const { t } = useTranslation();
  const { year, picker } = useCausesYear();
  const region = useCausesRegion();
  const [municipalityId, setMunicipalityId] = useState<number | null>(null);
  const query = { year: year ?? 0, municipalityId, regionId: region.regionId };
  const registry = useCauseRegistry(query, year !== undefined && region.isReady);
  const files = registryQuery(query);
  return (
    <Stack gap="md">
      <PageHeader
        title={t("causes.registry.title")}
        subtitle={t("causes.registry.subtitle")}
        actions={
          <Group gap="sm">
            {region.picker}
            {picker}
            <Button
              component="a"
              variant="light"
              href={`/api/causes/registry.xlsx${files}`}
              data-testid="registry-xlsx"
            >
              {t("causes.registry.xlsx")}
            </Button>
            <Button
              component="a"
              variant="light"
              href={`/api/causes/registry.docx${files}`}
              data-testid="registry-docx"
            >
              {t("causes.registry.docx")}
            </Button>
          </Group>
        }
      />
      <QueryView query={registry}>
        {(data) => (
          <Stack gap="md">
            {data.municipalityOptions.length > 1 && (
              <Select
                w={320}
                label={t("causes.registry.municipality")}
                data-testid="registry-municipality"
                data={[
                  { value: "", label: t("causes.registry.allMunicipalities") },
                  ...data.municipalityOptions.map((m) => ({ value: String(m.id), label: m.name })),
                ]}
                value={municipalityId === null ? "" : String(municipalityId)}
                onChange={(value) => setMunicipalityId(value ? Number(value) : null)}
                allowDeselect={false}
                searchable
              />
            )}
            <Text size="sm" data-testid="registry-programme">
              {`${data.territory}. ${t("causes.registry.programme", { count: data.region.programmeSchools, withCauses: data.region.schoolsWithCauses })}`}
              {data.region.previousProgrammeSchools !== null &&
                `; ${t("causes.registry.programmePrevious", { count: data.region.previousProgrammeSchools })}`}
            </Text>
            {data.region.rows.length === 0 ? (
              <Alert color="gray">{t("causes.registry.empty")}</Alert>
            ) : (
              <>
                <RegistryChart scope={data.region} year={data.year} previousYear={data.previousYear} />
                <Paper withBorder p="sm">
                  <RegistryTable scope={data.region} />
                </Paper>
              </>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
