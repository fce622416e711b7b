import { Button, Code, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../shared/api";
import { formatMoscowDateTime } from "../../components/format";
import { AuditChanges, auditChanges } from "./audit-changes";
import { useActionLabel, useEntityLabel } from "./audit-labels";

function EntryChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = auditChanges(before, after);
  if (!changes) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
        {t("audit.changes")}
      </Text>
      <AuditChanges changes={changes} />
    </Stack>
  );
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} miw={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
        {title}
      </Text>
      {value === null || value === undefined ? (
        <Text size="sm" c="dimmed">
          {t("common.none")}
        </Text>
      ) : (
        <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </Stack>
  );
}

/** Audit entries: Moscow time, who, action, entity and id; «Подробнее» shows before and after as JSON. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("audit.at")}</Table.Th>
            <Table.Th>{t("audit.actor")}</Table.Th>
            <Table.Th>{t("audit.action")}</Table.Th>
            <Table.Th>{t("audit.entity")}</Table.Th>
            <Table.Th>{t("audit.entityId")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => {
            const isOpen = openId === e.id;
            return (
              <Fragment key={e.id}>
                <Table.Tr>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatMoscowDateTime(e.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {e.actorLogin}
                    </Text>
                  </Table.Td>
                  <Table.Td>{actionLabel(e.action)}</Table.Td>
                  <Table.Td>{entityLabel(e.entity)}</Table.Td>
                  <Table.Td>{e.entityId ?? t("common.none")}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setOpenId(isOpen ? null : e.id)}
                      aria-expanded={isOpen}
                    >
                      {isOpen ? t("audit.hide") : t("audit.details")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {isOpen && (
                  <Table.Tr>
                    <Table.Td colSpan={6} bg="gray.0">
                      <Stack gap="sm" p="xs" data-testid="audit-details">
                        <EntryChanges before={e.before} after={e.after} />
                        <SimpleGrid cols={{ base: 1, md: 2 }}>
                          <JsonBlock title={t("audit.before")} value={e.before} />
                          <JsonBlock title={t("audit.after")} value={e.after} />
                        </SimpleGrid>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
