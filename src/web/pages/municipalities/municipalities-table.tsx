import { Anchor, Table } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MunicipalitySummary } from "../../../shared/api";
import { formatNumber, formatPercent } from "../../components/format";
import { nextSort, SortableTh, type SortState } from "../../components/sortable-th";

type Column = "name" | "schoolCount" | "ruralCount" | "smallCount" | "students" | "ruralShare";

function compare(a: MunicipalitySummary, b: MunicipalitySummary, key: Column): number {
  if (key === "name") return a.name.localeCompare(b.name, "ru");
  return a[key] - b[key];
}

/** Municipalities with their school figures, sortable by any column, names linking to their pages. */
export function MunicipalitiesTable({ municipalities }: { municipalities: readonly MunicipalitySummary[] }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState<Column>>({ key: "name", isDescending: false });
  const onSort = (key: Column) => setSort((s) => nextSort(s, key));
  const rows = [...municipalities].sort((a, b) => compare(a, b, sort.key) * (sort.isDescending ? -1 : 1));
  const th = (key: Column, label: string, align: "left" | "right" = "right") => (
    <SortableTh sortKey={key} sort={sort} onSort={onSort} align={align}>
      {label}
    </SortableTh>
  );

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped tabularNums data-testid="municipalities-table">
        <Table.Thead>
          <Table.Tr>
            {th("name", t("municipality.name"), "left")}
            {th("schoolCount", t("municipality.schools"))}
            {th("ruralCount", t("municipality.rural"))}
            {th("smallCount", t("municipality.small"))}
            {th("students", t("municipality.students"))}
            {th("ruralShare", t("municipality.ruralShare"))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/municipalities/${m.id}`}>
                  {m.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(m.schoolCount)}</Table.Td>
              <Table.Td ta="right">{formatNumber(m.ruralCount)}</Table.Td>
              <Table.Td ta="right">{formatNumber(m.smallCount)}</Table.Td>
              <Table.Td ta="right">{formatNumber(m.students)}</Table.Td>
              <Table.Td ta="right">{formatPercent(m.ruralShare)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
