import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FACTOR_GROUP_LABELS, FACTOR_SOURCE_LABELS } from "../../../core/causes/factor.schema";
import type { FactorItem, FactorList } from "../../../shared/causes-api";
import { useUpdateFactor } from "./catalogue.queries";
import { FactorModal } from "./factor-modal";

/** The region's catalogue of causes and risk factors; the region adds, edits and retires them. */
export function FactorsTable({ data }: { data: FactorList }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<FactorItem | "new" | null>(null);
  const retire = useUpdateFactor();
  const canManage = data.permissions.canManage;
  return (
    <Stack gap="sm" data-testid="factors-table">
      {canManage && (
        <Button w="fit-content" onClick={() => setEditing("new")} data-testid="factor-add">
          {t("causes.catalogue.addFactor")}
        </Button>
      )}
      {retire.isError && <Text c="red">{retire.error.message}</Text>}
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("causes.catalogue.factorTitle")}</Table.Th>
            <Table.Th w={200}>{t("causes.catalogue.factorGroup")}</Table.Th>
            <Table.Th w={220}>{t("causes.catalogue.factorSources")}</Table.Th>
            {canManage && <Table.Th w={190} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((factor) => (
            <Table.Tr key={factor.id} opacity={factor.isRetired ? 0.55 : 1}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {factor.title}
                  </Text>
                  {factor.isRetired && <Badge color="gray">{t("causes.catalogue.retired")}</Badge>}
                </Group>
                <Text size="xs" c="dimmed">
                  {`${factor.code} · ${factor.description}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{FACTOR_GROUP_LABELS[factor.group]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {factor.sources.map((source) => FACTOR_SOURCE_LABELS[source]).join("; ")}
                </Text>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setEditing(factor)}>
                      {t("common.edit")}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color={factor.isRetired ? "teal" : "gray"}
                      onClick={() =>
                        retire.mutate({ id: factor.id, patch: { isRetired: !factor.isRetired } })
                      }
                    >
                      {t(factor.isRetired ? "causes.catalogue.restore" : "causes.catalogue.retire")}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <FactorModal factor={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
