import { Badge, Button, Group, Paper, Select, Stack, Table, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_LEVEL_LABELS,
  EVENT_LEVELS,
  type EventKind,
  type EventLevel,
} from "../../../core/events/kinds";
import type { EventItem } from "../../../shared/events-api";
import { useWorkRegion } from "../../app/work-region";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useDeleteEvent, useEvents } from "../courses/courses.queries";
import { ruDate } from "../courses/courses-page";
import { TableImportPanel } from "../courses/table-import-panel";
import { EventFormModal } from "./event-form-modal";
import { EventsChart } from "./events-chart";

const kindOptions = EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }));
const LEVEL_COLOURS: Record<EventLevel, string> = {
  federal: "violet",
  regional: "blue",
  municipal: "green",
  school: "yellow",
};

/** The current school year, named by the year it ends. */
function currentSchoolYear(): number {
  const now = new Date();
  return now.getMonth() >= 8 ? now.getFullYear() + 1 : now.getFullYear();
}

function EventsTable({ items, onEdit }: { items: EventItem[]; onEdit: (event: EventItem) => void }) {
  const { t } = useTranslation();
  const remove = useDeleteEvent();
  if (items.length === 0) return <Text c="dimmed">{t("common.nothingFound")}</Text>;
  return (
    <Table striped highlightOnHover data-testid="events-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("events.list.date")}</Table.Th>
          <Table.Th>{t("events.list.level")}</Table.Th>
          <Table.Th>{t("events.list.kind")}</Table.Th>
          <Table.Th>{t("events.list.topic")}</Table.Th>
          <Table.Th>{t("events.list.organiser")}</Table.Th>
          <Table.Th>{t("events.list.participants")}</Table.Th>
          <Table.Th>{t("events.list.schools")}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{ruDate(e.heldOn)}</Table.Td>
            <Table.Td>
              <Badge color={LEVEL_COLOURS[e.level]} variant="light">
                {EVENT_LEVEL_LABELS[e.level]}
              </Badge>
            </Table.Td>
            <Table.Td>{EVENT_KIND_LABELS[e.kind]}</Table.Td>
            <Table.Td>{e.topic}</Table.Td>
            <Table.Td>{e.organiser}</Table.Td>
            <Table.Td>{e.participants || "—"}</Table.Td>
            <Table.Td>
              <Text size="sm" title={e.schools.map((s) => s.name).join(", ")}>
                {e.schoolCount}
              </Text>
            </Table.Td>
            <Table.Td>
              {e.canEdit && (
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="subtle" onClick={() => onEdit(e)}>
                    {t("common.edit")}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(e.id)}>
                    {t("common.delete")}
                  </Button>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Events of every level: filters, the chart by level and month, the list; adding and importing for their keepers. */
export function EventsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("events.list.pageTitle"));
  const { regionId } = useWorkRegion();
  // every year until one is chosen: the demo and imported years need not be the current one
  const [year, setYear] = useState<string | null>(null);
  const [level, setLevel] = useState<EventLevel | null>(null);
  const [kind, setKind] = useState<EventKind | null>(null);
  const [editing, setEditing] = useState<EventItem | "new" | null>(null);
  const query = useEvents({
    regionId,
    year: year ? Number(year) : undefined,
    level: level ?? undefined,
    kind: kind ?? undefined,
  });
  const permissions = query.data?.permissions;
  const years = Array.from({ length: 5 }, (_, k) => currentSchoolYear() - k).map((y) => ({
    value: String(y),
    label: `${y - 1}/${y}`,
  }));
  return (
    <Stack>
      <PageHeader
        title={t("events.list.pageTitle")}
        actions={
          permissions?.canManage && <Button onClick={() => setEditing("new")}>{t("events.list.add")}</Button>
        }
      />
      <Tabs defaultValue="list">
        <Tabs.List>
          <Tabs.Tab value="list">{t("events.list.calendar")}</Tabs.Tab>
          {permissions?.canManage && <Tabs.Tab value="import">{t("events.list.import")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <Stack>
            <Group>
              <Select
                label={t("events.list.year")}
                data={years}
                value={year}
                onChange={setYear}
                clearable
                w={160}
              />
              <Select
                label={t("events.list.level")}
                data={EVENT_LEVELS.map((l) => ({ value: l, label: EVENT_LEVEL_LABELS[l] }))}
                value={level}
                onChange={(v) => setLevel(v as EventLevel | null)}
                clearable
              />
              <Select
                label={t("events.list.kind")}
                data={kindOptions}
                value={kind}
                onChange={(v) => setKind(v as EventKind | null)}
                clearable
              />
            </Group>
            <QueryView query={query}>
              {(data) => (
                <Stack>
                  <Paper withBorder p="md">
                    <Text fw={500} mb="xs">
                      {t("events.list.chartTitle", { count: data.items.length })}
                    </Text>
                    <EventsChart byLevelAndMonth={data.byLevelAndMonth} />
                  </Paper>
                  <Paper withBorder p="md">
                    <EventsTable items={data.items} onEdit={setEditing} />
                  </Paper>
                </Stack>
              )}
            </QueryView>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <TableImportPanel url="/api/events/import" invalidate="events" hint={t("events.list.importHint")} />
        </Tabs.Panel>
      </Tabs>
      {permissions && editing !== null && (
        <EventFormModal
          event={editing === "new" ? null : editing}
          levels={permissions.levels}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
