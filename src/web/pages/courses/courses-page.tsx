import { Badge, Button, Group, Paper, Select, Stack, Table, Tabs, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { COURSE_FORMAT_LABELS, COURSE_FORMATS, type CourseFormat } from "../../../core/events/kinds";
import {
  PROFESSIONAL_BLOCK_LABELS,
  PROFESSIONAL_BLOCKS,
  type ProfessionalBlock,
} from "../../../core/teachers/blocks";
import type { CourseItem } from "../../../shared/events-api";
import { useWorkRegion } from "../../app/work-region";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { CourseFormModal } from "./course-form-modal";
import { useCourses } from "./courses.queries";
import { TableImportPanel } from "./table-import-panel";

const formatOptions = COURSE_FORMATS.map((f) => ({ value: f, label: COURSE_FORMAT_LABELS[f] }));
const blockOptions = PROFESSIONAL_BLOCKS.map((b) => ({ value: b, label: PROFESSIONAL_BLOCK_LABELS[b] }));

/** «07.10.2024» from an ISO date. */
export function ruDate(iso: string | null): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

function CoursesTable({ items }: { items: CourseItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t("common.nothingFound")}</Text>;
  return (
    <Table striped highlightOnHover data-testid="courses-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("events.courses.title")}</Table.Th>
          <Table.Th>{t("events.courses.hours")}</Table.Th>
          <Table.Th>{t("events.courses.dates")}</Table.Th>
          <Table.Th>{t("events.courses.provider")}</Table.Th>
          <Table.Th>{t("events.courses.format")}</Table.Th>
          <Table.Th>{t("events.courses.blocks")}</Table.Th>
          <Table.Th>{t("events.courses.enrolled")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Link to={`/courses/${c.id}`}>{c.title}</Link>
            </Table.Td>
            <Table.Td>{c.hours}</Table.Td>
            <Table.Td>{`${ruDate(c.startsOn)} – ${ruDate(c.endsOn)}`}</Table.Td>
            <Table.Td>{c.provider}</Table.Td>
            <Table.Td>{COURSE_FORMAT_LABELS[c.format]}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {c.blocks.map((b) => (
                  <Badge key={b} variant="light" size="sm">
                    {PROFESSIONAL_BLOCK_LABELS[b]}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              {t("events.courses.counts", {
                enrolled: c.enrolled,
                completed: c.completed,
                dropped: c.dropped,
              })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The region's course catalogue with filters, adding and importing for the regional operator. */
export function CoursesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("events.courses.pageTitle"));
  const { regionId } = useWorkRegion();
  const [q, setQ] = useState("");
  const [format, setFormat] = useState<CourseFormat | null>(null);
  const [block, setBlock] = useState<ProfessionalBlock | null>(null);
  const [adding, setAdding] = useState(false);
  const query = useCourses({
    regionId,
    q: q || undefined,
    format: format ?? undefined,
    block: block ?? undefined,
  });
  const canManage = query.data?.permissions.canManage ?? false;
  const canEnrol = query.data?.permissions.canEnrol ?? false;
  return (
    <Stack>
      <PageHeader
        title={t("events.courses.pageTitle")}
        actions={canManage && <Button onClick={() => setAdding(true)}>{t("events.courses.add")}</Button>}
      />
      <Tabs defaultValue="catalogue">
        <Tabs.List>
          <Tabs.Tab value="catalogue">{t("events.courses.catalogue")}</Tabs.Tab>
          {canManage && <Tabs.Tab value="import">{t("events.courses.importCourses")}</Tabs.Tab>}
          {canEnrol && <Tabs.Tab value="enrolments">{t("events.courses.importEnrolments")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="catalogue" pt="md">
          <Stack>
            <Group>
              <TextInput
                placeholder={t("events.courses.search")}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                w={300}
              />
              <Select
                placeholder={t("events.courses.format")}
                data={formatOptions}
                value={format}
                onChange={(v) => setFormat(v as CourseFormat | null)}
                clearable
              />
              <Select
                placeholder={t("events.courses.blocks")}
                data={blockOptions}
                value={block}
                onChange={(v) => setBlock(v as ProfessionalBlock | null)}
                clearable
                w={320}
              />
            </Group>
            <Paper withBorder p="md">
              <QueryView query={query}>{(data) => <CoursesTable items={data.items} />}</QueryView>
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <TableImportPanel
            url="/api/courses/import"
            invalidate="courses"
            hint={t("events.courses.importHint")}
          />
        </Tabs.Panel>
        <Tabs.Panel value="enrolments" pt="md">
          <TableImportPanel
            url="/api/courses/enrolments/import"
            invalidate="courses"
            hint={t("events.courses.enrolmentsHint")}
          />
        </Tabs.Panel>
      </Tabs>
      {adding && <CourseFormModal course={null} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
