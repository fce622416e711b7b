import { Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import type { MonitoringStage } from "../../../core/monitoring";
import { can, useMe } from "../../app/session";
import { useWorkRegion } from "../../app/work-region";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useReportList } from "./monitoring.queries";

/** Colours of the report states. */
export const STATUS_COLORS: Record<string, string> = {
  none: "gray",
  draft: "gray",
  submitted: "blue",
  approved: "green",
  returned: "orange",
};

/**
 * The monitoring of the programme schools: for the МОЦ and the region, the schools of a programme year
 * with the state of their reports of a stage; a director goes straight to the school's own report.
 */
export function MonitoringPage() {
  const { t } = useTranslation();
  const me = useMe();
  const region = useWorkRegion();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [stage, setStage] = useState<MonitoringStage>("final");
  const canList = can(me, "municipality.read");
  const query = useReportList({ year, stage, regionId: region.regionId }, canList && region.isReady);
  if (me.role === "school_director" && me.schoolId !== null)
    return (
      <Navigate to={`/schools/${me.schoolId}/monitoring/${new Date().getUTCFullYear()}/final`} replace />
    );
  if (!canList) return <Text>{t("monitoring.noRights")}</Text>;
  return (
    <Stack>
      <PageHeader
        title={t("monitoring.title")}
        actions={
          <Group>
            <Button component={Link} to="/monitoring/table2" variant="light">
              {t("monitoring.toTable2")}
            </Button>
            <Button component={Link} to="/monitoring/template" variant="default">
              {t("monitoring.toTemplate")}
            </Button>
          </Group>
        }
      />
      <QueryView query={query}>
        {(data) => (
          <Stack>
            <Group>
              <Select
                label={t("monitoring.year")}
                data={data.years.map(String)}
                value={String(data.year)}
                onChange={(v) => v && setYear(Number(v))}
                w={160}
                data-testid="monitoring-year"
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t("monitoring.stage")}
                </Text>
                <SegmentedControl
                  value={stage}
                  onChange={(v) => setStage(v === "entry" ? "entry" : "final")}
                  data={[
                    { value: "entry", label: t("monitoring.stages.entry") },
                    { value: "final", label: t("monitoring.stages.final") },
                  ]}
                />
              </Stack>
            </Group>
            {data.items.length === 0 ? (
              <Text c="dimmed">{t("monitoring.noSchools")}</Text>
            ) : (
              <Table striped data-testid="monitoring-reports">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("monitoring.school")}</Table.Th>
                    <Table.Th>{t("monitoring.municipality")}</Table.Th>
                    <Table.Th>{t("monitoring.status")}</Table.Th>
                    <Table.Th>{t("monitoring.updatedAt")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.schoolId}>
                      <Table.Td>
                        <Link to={`/schools/${item.schoolId}/monitoring/${data.year}/${data.stage}`}>
                          {item.schoolName}
                        </Link>
                      </Table.Td>
                      <Table.Td>{item.municipalityName}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[item.status]}>
                          {t(`monitoring.statuses.${item.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {item.updatedAt ? new Date(item.updatedAt).toLocaleDateString("ru-RU") : "—"}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
