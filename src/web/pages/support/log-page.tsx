import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { formatDateRu } from "../../../core/plans/iso-date";
import { LOG_AUDIENCES, LOG_KINDS } from "../../../core/support";
import type { LogEntry } from "../../../shared/support-api";
import { can, useMe } from "../../app/session";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { formatNumber } from "../../components/format";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { StatCard } from "../../components/stat-card";
import { useAllSchools } from "../schools/schools.queries";
import { LogAudienceChart } from "./log-chart";
import { LogEntryModal } from "./log-entry-modal";
import { useDeleteLogEntry, useSupportLog } from "./support.queries";

/**
 * «Журнал МОЦ»: consultations, interviews and visits of the schools in scope (a МОЦ its municipality's,
 * a school its own), filtered by school, kind, audience and dates, with totals and a chart by audience;
 * holders of support.log add, edit and delete entries.
 */
export function LogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("support.navLog"));
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<LogEntry | "new" | null>(null);
  const [deleting, setDeleting] = useState<LogEntry | null>(null);
  const schools = useAllSchools().data?.items ?? [];
  const query = {
    schoolId: Number(params.get("schoolId")) || undefined,
    kind: LOG_KINDS.find((k) => k === params.get("kind")),
    audience: LOG_AUDIENCES.find((a) => a === params.get("audience")),
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
  };
  const log = useSupportLog(query);
  const remove = useDeleteLogEntry();
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const canWrite = log.data?.permissions.canWrite ?? false;
  return (
    <Stack>
      <PageHeader
        title={t("support.navLog")}
        subtitle={t("support.log.subtitle")}
        actions={
          canWrite && (
            <Group gap="sm">
              {can(me, "data.import") && (
                <Button
                  variant="default"
                  component={Link}
                  to="/import?kind=support_log"
                  data-testid="log-import"
                >
                  {t("support.log.import")}
                </Button>
              )}
              <Button onClick={() => setEditing("new")} data-testid="log-add">
                {t("support.log.add")}
              </Button>
            </Group>
          )
        }
      />
      <Paper>
        <Group align="flex-end">
          <Select
            label={t("support.log.school")}
            placeholder={t("support.log.allSchools")}
            searchable
            clearable
            value={query.schoolId ? String(query.schoolId) : null}
            onChange={(value) => setParam("schoolId", value)}
            data={schools.map((s) => ({ value: String(s.id), label: `${s.code} ${s.shortName}` }))}
            w={320}
          />
          <Select
            label={t("support.log.kindLabel")}
            placeholder={t("support.log.allKinds")}
            clearable
            value={query.kind ?? null}
            onChange={(value) => setParam("kind", value)}
            data={LOG_KINDS.map((k) => ({ value: k, label: t(`support.kind.${k}`) }))}
          />
          <Select
            label={t("support.log.audienceLabel")}
            placeholder={t("support.log.allAudiences")}
            clearable
            value={query.audience ?? null}
            onChange={(value) => setParam("audience", value)}
            data={LOG_AUDIENCES.map((a) => ({ value: a, label: t(`support.audienceShort.${a}`) }))}
          />
          <TextInput
            type="date"
            label={t("support.log.from")}
            value={query.from ?? ""}
            onChange={(event) => setParam("from", event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("support.log.to")}
            value={query.to ?? ""}
            onChange={(event) => setParam("to", event.currentTarget.value)}
          />
        </Group>
      </Paper>
      <QueryView query={log}>
        {(data) => (
          <Stack>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <StatCard
                label={t("support.log.entries")}
                value={formatNumber(data.totals.entries)}
                testId="log-entries"
              />
              <StatCard
                label={t("support.log.consultations")}
                value={formatNumber(data.totals.byKind.consultation ?? 0)}
              />
              <StatCard label={t("support.log.visits")} value={formatNumber(data.totals.byKind.visit ?? 0)} />
              <StatCard label={t("support.log.peopleReached")} value={formatNumber(data.totals.people)} />
            </SimpleGrid>
            {data.totals.entries > 0 && <LogAudienceChart totals={data.totals} />}
            {data.items.length === 0 ? (
              <Text c="dimmed">{t("support.log.empty")}</Text>
            ) : (
              <Paper p={0}>
                <Table striped data-testid="log-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("support.log.heldOn")}</Table.Th>
                      <Table.Th>{t("support.log.school")}</Table.Th>
                      <Table.Th>{t("support.log.kindLabel")}</Table.Th>
                      <Table.Th>{t("support.log.topic")}</Table.Th>
                      <Table.Th>{t("support.log.givenBy")}</Table.Th>
                      <Table.Th>{t("support.log.people")}</Table.Th>
                      {canWrite && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>{formatDateRu(e.heldOn)}</Table.Td>
                        <Table.Td>
                          {e.school.code} {e.school.name}
                        </Table.Td>
                        <Table.Td>
                          {t(`support.kind.${e.kind}`)}
                          {e.audience && e.kind === "consultation"
                            ? ` · ${t(`support.audienceShort.${e.audience}`)}`
                            : ""}
                          <Text size="xs" c="dimmed">
                            {t(`support.format.${e.format}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {e.topic}
                          {e.findings && (
                            <Text size="xs" c="dimmed">
                              {e.findings}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{e.givenBy}</Table.Td>
                        <Table.Td>{e.peopleCount}</Table.Td>
                        {canWrite && (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <ActionIcon
                                variant="subtle"
                                onClick={() => setEditing(e)}
                                title={t("support.log.edit")}
                              >
                                ✎
                              </ActionIcon>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                onClick={() => setDeleting(e)}
                                title={t("support.log.delete")}
                              >
                                ×
                              </ActionIcon>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            )}
          </Stack>
        )}
      </QueryView>
      {editing !== null && (
        <LogEntryModal entry={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <ConfirmDialog
          opened
          title={t("support.log.delete")}
          text={t("support.log.deleteConfirm", { topic: deleting.topic })}
          confirmLabel={t("support.log.delete")}
          isPending={remove.isPending}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
          onClose={() => setDeleting(null)}
        />
      )}
    </Stack>
  );
}
