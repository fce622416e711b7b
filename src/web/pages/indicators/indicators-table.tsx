import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../../../shared/data-collection";
import {
  formatBound,
  groupLabel,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_UNIT_LABELS,
  orderGroups,
} from "./indicator-labels";

/** Props of the catalogue table. */
export type IndicatorsTableProps = {
  items: readonly Indicator[];
  canManage: boolean;
  onEdit: (indicator: Indicator) => void;
  onToggleRetired: (indicator: Indicator) => void;
};

/** The catalogue grouped by group: code, name, unit, direction, range, level, source and version. */
export function IndicatorsTable({ items, canManage, onEdit, onToggleRetired }: IndicatorsTableProps) {
  const { t } = useTranslation();
  const groups = orderGroups(items.map((i) => i.group));
  const columns = canManage ? 8 : 7;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table data-testid="indicators-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("indicators.name")}</Table.Th>
            <Table.Th>{t("indicators.unit")}</Table.Th>
            <Table.Th>{t("indicators.direction")}</Table.Th>
            <Table.Th>{t("indicators.range")}</Table.Th>
            <Table.Th>{t("indicators.level")}</Table.Th>
            <Table.Th>{t("indicators.source")}</Table.Th>
            <Table.Th>{t("indicators.version")}</Table.Th>
            {canManage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Fragment key={group}>
              <Table.Tr bg="var(--mantine-color-gray-0)">
                <Table.Td colSpan={columns}>
                  <Text fw={600}>{groupLabel(group)}</Text>
                </Table.Td>
              </Table.Tr>
              {items
                .filter((i) => i.group === group)
                .map((i) => (
                  <Table.Tr key={i.id} c={i.isRetired ? "dimmed" : undefined}>
                    <Table.Td>
                      <Text size="sm">{i.name}</Text>
                      <Group gap={6}>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {i.code}
                        </Text>
                        {i.isRetired && (
                          <Badge size="xs" color="gray" variant="light">
                            {t("indicators.retired")}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{INDICATOR_UNIT_LABELS[i.unit]}</Table.Td>
                    <Table.Td>{INDICATOR_DIRECTION_LABELS[i.direction]}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {formatBound(i.min)} – {formatBound(i.max)}
                    </Table.Td>
                    <Table.Td>
                      {t(i.level === "school" ? "indicators.levelSchool" : "indicators.levelMunicipality")}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{i.source}</Text>
                    </Table.Td>
                    <Table.Td>{i.version}</Table.Td>
                    {canManage && (
                      <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                        <Button size="xs" variant="subtle" onClick={() => onEdit(i)}>
                          {t("common.edit")}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color={i.isRetired ? "indigo" : "red"}
                          onClick={() => onToggleRetired(i)}
                        >
                          {i.isRetired ? t("indicators.restore") : t("indicators.retire")}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
