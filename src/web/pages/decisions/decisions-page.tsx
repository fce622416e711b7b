import { Alert, Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useWorkRegion } from "../../app/work-region";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { programmeQueryString, useDecisions } from "./decisions.queries";
import { DecisionsTable } from "./decisions-table";
import { MunicipalitySelect, ProgrammeYearSelect } from "./programme-filters";

/**
 * «Результаты программы и решения»: the programme schools of a year with the verdicts of seed 003
 * (subject, personal, olympiad results; targets reached), the decision and its state; the МОЦ
 * proposes, the region approves or returns; the summary sentences on top; an XLSX of the table.
 */
export function DecisionsPage() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [municipalityId, setMunicipalityId] = useState<number | null>(null);
  const query = { year, municipalityId, regionId: region.regionId };
  const decisions = useDecisions(query, region.isReady);
  const shown = year ?? decisions.data?.year;
  return (
    <Stack gap="md">
      <PageHeader
        title={t("decisions.title")}
        subtitle={t("decisions.subtitle")}
        actions={
          <Group gap="xs">
            <ProgrammeYearSelect shown={shown} onChange={setYear} testId="decisions-year" />
            {shown !== undefined && (
              <Button
                component="a"
                variant="default"
                href={`/api/decisions.xlsx${programmeQueryString({ ...query, year: shown })}`}
                data-testid="decisions-xlsx"
              >
                {t("decisions.xlsx")}
              </Button>
            )}
          </Group>
        }
      />
      <QueryView query={decisions}>
        {(data) => (
          <Stack gap="md">
            <Group gap="md" align="end">
              <MunicipalitySelect
                options={data.municipalityOptions}
                value={municipalityId}
                onChange={setMunicipalityId}
                testId="decisions-municipality"
              />
              <Text size="sm" c="dimmed">
                {t("decisions.territory", { territory: data.territory, year: data.year })}
              </Text>
            </Group>
            {data.schools.length === 0 ? (
              <Alert color="gray" data-testid="decisions-empty">
                {t("decisions.empty")}
              </Alert>
            ) : (
              <>
                <Paper withBorder p="sm" data-testid="decisions-summary">
                  <Text fw={600} mb="xs">
                    {t("decisions.summary")}
                  </Text>
                  <List size="sm" spacing={4}>
                    {data.sentences.map((sentence) => (
                      <List.Item key={sentence}>{sentence}</List.Item>
                    ))}
                  </List>
                </Paper>
                <DecisionsTable data={data} />
              </>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
