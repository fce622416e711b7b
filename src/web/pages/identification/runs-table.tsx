import { Badge, Paper, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Run } from "../../../core/identification/api.schema";
import { formatMoscowDateTime, formatNumber, formatPercent } from "../../components/format";

/** The runs with their counts; a click selects one. */
export function RunsTable({
  runs,
  selectedId,
  onSelect,
}: {
  runs: Run[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  if (runs.length === 0) return <Text c="dimmed">{t("identification.noRuns")}</Text>;
  return (
    <Paper p={0}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="runs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("identification.runNumber")}</Table.Th>
            <Table.Th>{t("identification.year")}</Table.Th>
            <Table.Th>{t("identification.ruleSets")}</Table.Th>
            <Table.Th>{t("identification.catShnro")}</Table.Th>
            <Table.Th>{t("identification.catShfnsu")}</Table.Th>
            <Table.Th>{t("identification.catBoth")}</Table.Th>
            <Table.Th>{t("identification.ruralShare")}</Table.Th>
            <Table.Th>{t("identification.created")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr
              key={run.id}
              onClick={() => onSelect(run.id)}
              bg={run.id === selectedId ? "indigo.0" : undefined}
              style={{ cursor: "pointer" }}
              data-run-id={run.id}
            >
              <Table.Td>{run.id}</Table.Td>
              <Table.Td>{run.year}</Table.Td>
              <Table.Td>
                <Text size="sm">{run.ruleSets.map((r) => `${r.name} (в. ${r.version})`).join("; ")}</Text>
                <Badge size="xs" color={run.status === "approved" ? "green" : "gray"} variant="light">
                  {t(
                    run.status === "approved" ? "identification.statusApproved" : "identification.statusDone",
                  )}
                </Badge>
              </Table.Td>
              <Table.Td>{formatNumber(run.counts.shnro)}</Table.Td>
              <Table.Td>{formatNumber(run.counts.shfnsu)}</Table.Td>
              <Table.Td>{formatNumber(run.counts.both)}</Table.Td>
              <Table.Td>
                {run.counts.ruralShare === null ? "—" : formatPercent(run.counts.ruralShare)}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatMoscowDateTime(run.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {run.createdByName}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
