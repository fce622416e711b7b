import { Progress, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FORM_STATUS_LABELS } from "../../../core/forms/form-workflow";
import type { DashboardRow } from "../../../shared/data-collection";
import { formatPercent } from "../../components/format";
import { DASHBOARD_STATUSES } from "./dashboard-statuses";

/** Municipalities with schools by form state and the share already approved or accepted. */
export function ProgressTable({
  rows,
  selected,
  onSelect,
}: {
  rows: readonly DashboardRow[];
  selected: number | null;
  onSelect: (municipalityId: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table highlightOnHover data-testid="progress-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("dashboard.municipality")}</Table.Th>
            <Table.Th ta="right">{t("dashboard.total")}</Table.Th>
            {DASHBOARD_STATUSES.map((s) => (
              <Table.Th key={s} ta="right">
                {FORM_STATUS_LABELS[s]}
              </Table.Th>
            ))}
            <Table.Th w={160}>{t("dashboard.done")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const done = r.total ? (r.approved + r.accepted) / r.total : 0;
            return (
              <Table.Tr
                key={r.municipalityId}
                onClick={() => onSelect(r.municipalityId)}
                style={{ cursor: "pointer" }}
                bg={selected === r.municipalityId ? "var(--mantine-color-blue-light)" : undefined}
              >
                <Table.Td>{r.municipalityName}</Table.Td>
                <Table.Td ta="right">{r.total}</Table.Td>
                {DASHBOARD_STATUSES.map((s) => (
                  <Table.Td key={s} ta="right">
                    {r[s]}
                  </Table.Td>
                ))}
                <Table.Td>
                  <Progress value={done * 100} size="sm" aria-label={formatPercent(done)} />
                  <Text size="xs" c="dimmed">
                    {formatPercent(done)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
