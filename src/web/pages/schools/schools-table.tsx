import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { School } from "../../../shared/api";
import { formatNumber } from "../../components/format";
import { SchoolBadges } from "../../components/school-badges";

/** Props of the school table; the municipality column hides on a municipality's own page. */
export type SchoolsTableProps = { schools: readonly School[]; showMunicipality: boolean };

/** Schools as a table: code, short name (link to the card), municipality, kind, badges, students, teachers. */
export function SchoolsTable({ schools, showMunicipality }: SchoolsTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped tabularNums data-testid="schools-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t("school.code")}</Table.Th>
            <Table.Th>{t("school.shortName")}</Table.Th>
            {showMunicipality && <Table.Th>{t("school.municipality")}</Table.Th>}
            <Table.Th>{t("school.kind")}</Table.Th>
            <Table.Th>{t("school.locality")}</Table.Th>
            <Table.Th ta="right">{t("school.students")}</Table.Th>
            <Table.Th ta="right">{t("school.teachers")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schools.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text size="sm" ff="monospace" c="dimmed">
                  {s.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/schools/${s.id}`} size="sm">
                  {s.shortName}
                </Anchor>
              </Table.Td>
              {showMunicipality && <Table.Td>{s.municipalityName}</Table.Td>}
              <Table.Td style={{ whiteSpace: "nowrap" }}>{s.kind}</Table.Td>
              <Table.Td>
                <SchoolBadges isRural={s.isRural} isSmall={s.isSmall} />
              </Table.Td>
              <Table.Td ta="right">{formatNumber(s.students)}</Table.Td>
              <Table.Td ta="right">{formatNumber(s.teachers)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
