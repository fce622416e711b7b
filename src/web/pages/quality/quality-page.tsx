import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useWorkRegion } from "../../app/work-region";
import { formatMoscowDateTime } from "../../components/format";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { FlagList } from "./pair-view";
import { useCreateMocReport, useMocReports, useQualityFlags } from "./quality.queries";

const THRESHOLDS = ["0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"];

/** The school year of the page: `?year=` when given, else the one that ends this calendar year. */
export function usePageYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const given = Number(params.get("year"));
  const year = Number.isInteger(given) && given >= 2000 && given <= 2100 ? given : new Date().getFullYear();
  return [year, (next) => setParams({ year: String(next) }, { replace: true })];
}

function MocReports({
  year,
  regionId,
  enabled,
}: {
  year: number;
  regionId: number | undefined;
  enabled: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useMocReports({ year, regionId, enabled });
  const create = useCreateMocReport();
  return (
    <QueryView query={query}>
      {(list) => (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3}>{t("quality.reportsTitle")}</Title>
            {list.canCreate && (
              <Button
                loading={create.isPending}
                onClick={() =>
                  create.mutate(year, { onSuccess: (report) => navigate(`/quality/reports/${report.id}`) })
                }
              >
                {t("quality.create")}
              </Button>
            )}
          </Group>
          {create.error && <Text c="red">{create.error.message}</Text>}
          {list.items.length === 0 ? (
            <Text c="dimmed">{t("quality.noReports")}</Text>
          ) : (
            <Table striped data-testid="moc-reports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("quality.columns.municipality")}</Table.Th>
                  <Table.Th>{t("quality.columns.title")}</Table.Th>
                  <Table.Th>{t("quality.columns.sections")}</Table.Th>
                  <Table.Th>{t("quality.columns.recommendations")}</Table.Th>
                  <Table.Th>{t("quality.columns.updated")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.municipalityName}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/quality/reports/${item.id}`}>
                        {item.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.sectionCount}</Table.Td>
                    <Table.Td>{item.recommendationCount}</Table.Td>
                    <Table.Td>
                      {formatMoscowDateTime(item.updatedAt)} {item.updatedByName}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </QueryView>
  );
}

/** The region page of report-quality control: the flags of a year and the МОЦ reports. */
export function QualityPage() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  const [year, setYear] = usePageYear();
  const [threshold, setThreshold] = useState("0.5");
  const flags = useQualityFlags({
    year,
    regionId: region.regionId,
    threshold: Number(threshold),
    enabled: region.isReady,
  });
  const years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() + 1 - i);
  if (!years.includes(year)) years.push(year);
  return (
    <Stack>
      <PageHeader title={t("quality.title")} subtitle={t("quality.subtitle")} />
      <Group align="end">
        <Select
          label={t("quality.year")}
          value={String(year)}
          onChange={(value) => value && setYear(Number(value))}
          data={years.map((y) => ({
            value: String(y),
            label: t("quality.yearOption", { from: y - 1, to: y }),
          }))}
          allowDeselect={false}
          data-testid="quality-year"
        />
        <Select
          label={t("quality.threshold")}
          description={t("quality.thresholdHint")}
          value={threshold}
          onChange={(value) => value && setThreshold(value)}
          data={THRESHOLDS.map((v) => ({ value: v, label: v.replace(".", ",") }))}
          allowDeselect={false}
        />
      </Group>
      <MocReports year={year} regionId={region.regionId} enabled={region.isReady} />
      <QueryView query={flags}>
        {(data) => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("quality.sources", {
                list: data.sources.map((s) => `${s.label.toLowerCase()} — ${s.count}`).join(", "),
              })}
            </Text>
            <Title order={3}>
              {t("quality.flagsTitle")} ({data.flags.length})
            </Title>
            <FlagList flags={data.flags} />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
