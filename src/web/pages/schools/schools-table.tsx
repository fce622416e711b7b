import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { School } from "../../../shared/api";
import { formatNumber } from "../../components/format";
import { SchoolBadges } from "../../components/school-badges";
import { SortableTh, type SortState } from "../../components/sortable-th";
import type { SchoolSortKey } from "./school-list-filter";

/** Props of the school table; the municipality column hides on a municipality's own page. */
export type SchoolsTableProps = {
  schools: readonly School[];
  showMunicipality: boolean;
  sort: SortState<SchoolSortKey>;
  onSort: (key: SchoolSortKey) => void;
};

/** Schools as a table sorted by any column: code, short name (link to the card), municipality, kind, badges, sizes. */
export function SchoolsTable({ schools, showMunicipality, sort, onSort }: SchoolsTableProps) {
  const { t } = useTranslation();
  const th = (key: SchoolSortKey, label: string, align: "left" | "right" = "left") => (
    <SortableTh sortKey={key} sort={sort} onSort={onSort} align={align}>
      {label}
    </SortableTh>
  );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped tabularNums data-testid="schools-table">
        <Table.Thead>
          <Table.Tr>
            {th("code", t("school.code"))}
            {th("shortName", t("school.shortName"))}
            {showMunicipality && th("municipalityName", t("school.municipality"))}
            {th("kind", t("school.kind"))}
            {th("locality", t("school.locality"))}
            {th("students", t("school.students"), "right")}
            {th("teachers", t("school.teachers"), "right")}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schools.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td w={90}>
                <Text size="sm" ff="monospace" c="dimmed" style={{ whiteSpace: "nowrap" }}>
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
                {s.isRural || s.isSmall ? (
                  <SchoolBadges isRural={s.isRural} isSmall={s.isSmall} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("school.urban")}
                  </Text>
                )}
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
