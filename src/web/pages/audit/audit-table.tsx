import { Button, Code, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../shared/api";
import { formatMoscowDateTime } from "../../components/format";
import { useIndicators } from "../indicators/indicators.queries";
import { AuditChanges, auditChanges } from "./audit-changes";
import { useActionLabel, useEntityLabel } from "./audit-labels";

function EntryChanges({
  entity,
  before,
  after,
  indicatorName,
}: {
  entity: string;
  before: unknown;
  after: unknown;
  indicatorName?: (code: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const changes = auditChanges(before, after);
  if (!changes) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
        {t("audit.changes")}
      </Text>
      <AuditChanges entity={entity} changes={changes} indicatorName={indicatorName} />
    </Stack>
  );
}

/** A saved form's values are keyed by indicator code: named here from the region's catalogue. */
function FormEntryChanges({ before, after }: { before: unknown; after: unknown }) {
  const indicators = useIndicators();
  const names = new Map((indicators.data?.items ?? []).map((i) => [i.code, i.name]));
  return (
    <EntryChanges entity="form" before={before} after={after} indicatorName={(code) => names.get(code)} />
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [isRawOpen, setRawOpen] = useState(false);
  return (
    <Stack gap="sm" p="xs" data-testid="audit-details">
      {entry.entity === "form" ? (
        <FormEntryChanges before={entry.before} after={entry.after} />
      ) : (
        <EntryChanges entity={entry.entity} before={entry.before} after={entry.after} />
      )}
      <Group>
        <Button size="xs" variant="subtle" onClick={() => setRawOpen(!isRawOpen)} aria-expanded={isRawOpen}>
          {isRawOpen ? t("audit.hideRaw") : t("audit.showRaw")}
        </Button>
      </Group>
      {isRawOpen && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <JsonBlock title={t("audit.before")} value={entry.before} />
          <JsonBlock title={t("audit.after")} value={entry.after} />
        </SimpleGrid>
      )}
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

/**
 * Audit entries: Moscow time, who, action, entity and id, in Russian; «Подробнее» shows what changed
 * (fields and coded values named in Russian) and, on request, the stored record as JSON.
 */
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
                      <EntryDetails entry={e} />
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
