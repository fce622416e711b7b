import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FUNNEL_STAGES, type Funnel } from "../../../shared/decisions-api";
import { useWorkRegion } from "../../app/work-region";
import { formatNumber } from "../../components/format";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useFunnel } from "../decisions/decisions.queries";
import { MunicipalitySelect, ProgrammeYearSelect } from "../decisions/programme-filters";
import { FunnelChart } from "./funnel-chart";

function MunicipalityTable({ data }: { data: Funnel }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t("decisions.funnel.byMunicipality")}
      </Text>
      <Table striped data-testid="funnel-municipalities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("decisions.funnel.municipality")}</Table.Th>
            {FUNNEL_STAGES.map((stage) => (
              <Table.Th key={stage} ta="right">
                {t(`decisions.funnel.stages.${stage}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.municipalities.map((m) => (
            <Table.Tr key={m.municipalityId} data-testid={`funnel-row-${m.municipalityId}`}>
              <Table.Td>{m.name}</Table.Td>
              {FUNNEL_STAGES.map((stage) => (
                <Table.Td key={stage} ta="right" data-testid={`funnel-${stage}`}>
                  {formatNumber(m.counts[stage])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {data.municipalities.length > 1 && (
            <Table.Tr fw={600}>
              <Table.Td>{t("decisions.funnel.total")}</Table.Td>
              {FUNNEL_STAGES.map((stage) => (
                <Table.Td key={stage} ta="right" data-testid={`funnel-total-${stage}`}>
                  {formatNumber(data.totals[stage])}
                </Table.Td>
              ))}
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function SchoolTable({ data }: { data: Funnel }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t("decisions.funnel.bySchool")}
      </Text>
      <Table striped data-testid="funnel-schools">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("decisions.funnel.school")}</Table.Th>
            {FUNNEL_STAGES.map((stage) => (
              <Table.Th key={stage}>{t(`decisions.funnel.stages.${stage}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.schools.map((s) => (
            <Table.Tr key={s.schoolId}>
              <Table.Td>
                <Text size="sm">{s.name}</Text>
                <Text size="xs" c="dimmed">
                  {s.municipalityName}
                </Text>
              </Table.Td>
              {FUNNEL_STAGES.map((stage) => (
                <Table.Td key={stage}>
                  <Badge variant="light" color={s.stages[stage] ? "green" : "gray"}>
                    {s.stages[stage] ? "✓" : "—"}
                  </Badge>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * «Воронка программы»: of a year's programme schools, how many reached each step — identified,
 * causes confirmed, programme approved, supported, monitored, decision approved — as a chart and a
 * table by municipality (a МОЦ its own), and per school (a school sees its own row).
 */
export function ProgrammeFunnelPage() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [municipalityId, setMunicipalityId] = useState<number | null>(null);
  const funnel = useFunnel({ year, municipalityId, regionId: region.regionId }, region.isReady);
  const shown = year ?? funnel.data?.year;
  return (
    <Stack gap="md">
      <PageHeader
        title={t("decisions.funnel.title")}
        subtitle={t("decisions.funnel.subtitle")}
        actions={<ProgrammeYearSelect shown={shown} onChange={setYear} testId="funnel-year" />}
      />
      <QueryView query={funnel}>
        {(data) => (
          <Stack gap="md">
            <Group gap="md" align="end">
              <MunicipalitySelect
                options={data.municipalityOptions}
                value={municipalityId}
                onChange={setMunicipalityId}
                testId="funnel-municipality"
              />
              <Text size="sm" c="dimmed">
                {t("decisions.territory", { territory: data.territory, year: data.year })}
              </Text>
              <Anchor component={Link} to="/decisions" size="sm">
                {t("decisions.funnel.decisionsLink")}
              </Anchor>
            </Group>
            {data.schools.length === 0 ? (
              <Alert color="gray">{t("decisions.empty")}</Alert>
            ) : (
              <>
                <FunnelChart data={data} />
                <MunicipalityTable data={data} />
                {data.schools.length <= 40 && <SchoolTable data={data} />}
                <Text size="xs" c="dimmed">
                  {t("decisions.funnel.monitoredNote")}
                </Text>
              </>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
