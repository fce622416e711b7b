import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatRuDate, SUPPORT_KIND_LABELS, SUPPORT_KINDS } from "../../../core/addressed";
import type { AddressedSupport } from "../../../shared/addressed-api";
import { formatNumber } from "../../components/format";

/** The programme schools, one row each: counts per kind of support, people reached, the latest support. */
export function AddressedTable({ data }: { data: AddressedSupport }) {
  const { t } = useTranslation();
  const flagged = new Set(
    data.flags.filter((flag) => flag.kind === "no_support").map((flag) => flag.schoolId),
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="addressed-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("addressed.school")}</Table.Th>
            {SUPPORT_KINDS.map((kind) => (
              <Table.Th key={kind} ta="right">
                {SUPPORT_KIND_LABELS[kind]}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t("addressed.peopleReached")}</Table.Th>
            <Table.Th ta="right">{t("addressed.courseHours")}</Table.Th>
            <Table.Th>{t("addressed.lastSupport")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.schools.map((school) => (
            <Table.Tr key={school.schoolId} data-testid="addressed-row" data-code={school.code}>
              <Table.Td>
                <Text size="sm" component={Link} to={`/schools/${school.schoolId}`} c="blue">
                  {school.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {`${school.code} · ${school.municipalityName}`}
                </Text>
              </Table.Td>
              {SUPPORT_KINDS.map((kind) => (
                <Table.Td key={kind} ta="right">
                  {formatNumber(school.counts[kind])}
                </Table.Td>
              ))}
              <Table.Td ta="right">{formatNumber(school.peopleReached)}</Table.Td>
              <Table.Td ta="right">{formatNumber(school.courseHoursCompleted)}</Table.Td>
              <Table.Td>
                {school.lastSupportOn ? formatRuDate(school.lastSupportOn) : t("addressed.never")}
                {flagged.has(school.schoolId) && (
                  <Badge ml="xs" color="red" variant="light" size="sm">
                    {t("addressed.noSupportBadge")}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
