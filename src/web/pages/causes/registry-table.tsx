import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RegistryScopeView } from "../../../shared/school-causes-api";
import { formatPercent } from "../../components/format";

type Row = RegistryScopeView["rows"][number];

function ChangeCell({ row }: { row: Row }) {
  const { t } = useTranslation();
  if (row.trend === "up" || row.trend === "down") {
    const change = row.change ?? 0;
    return (
      <Badge color={change > 0 ? "red" : "green"} variant="light">
        {change > 0 ? `+${change}` : `\u2212${Math.abs(change)}`}
      </Badge>
    );
  }
  return <Text size="sm">{t(`causes.registry.trends.${row.trend}`)}</Text>;
}

/** The registry's causes with their schools, share of the programme, last year's count and the change. */
export function RegistryTable({ scope }: { scope: RegistryScopeView }) {
  const { t } = useTranslation();
  return (
    <Table striped verticalSpacing="xs" data-testid="registry-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("causes.registry.cause")}</Table.Th>
          <Table.Th w={70}>{t("causes.registry.schools")}</Table.Th>
          <Table.Th w={120}>{t("causes.registry.share")}</Table.Th>
          <Table.Th w={110}>{t("causes.registry.previous")}</Table.Th>
          <Table.Th w={130}>{t("causes.registry.change")}</Table.Th>
          <Table.Th>{t("causes.registry.schoolList")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scope.rows.map((row) => (
          <Table.Tr key={row.factorCode} data-testid={`registry-row-${row.factorCode}`}>
            <Table.Td>{row.title}</Table.Td>
            <Table.Td>{row.schools}</Table.Td>
            <Table.Td>{row.share === null ? "—" : formatPercent(row.share)}</Table.Td>
            <Table.Td>{row.previousSchools ?? "—"}</Table.Td>
            <Table.Td>
              <ChangeCell row={row} />
            </Table.Td>
            <Table.Td>
              <Text size="xs">{row.schoolList.map((school) => school.schoolName).join(", ")}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
