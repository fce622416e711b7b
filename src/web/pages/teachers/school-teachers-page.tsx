import { Anchor, Badge, Button, Group, NumberInput, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { PROFESSIONAL_BLOCKS, schoolYearOf } from "../../../core/teachers";
import type { TeacherItem, TeacherList } from "../../../shared/teachers-api";
import { MessagePage } from "../../components/message-page";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { LEVEL_COLORS } from "./block-chart";
import { DeficitScaleEditor } from "./deficit-scale-editor";
import { TeacherFormModal } from "./teacher-form";
import { TeacherImport } from "./teacher-import";
import { useCreateTeacher, useSchoolTeachers } from "./teachers.queries";

/** The school year of today, the page's default. */
export function thisSchoolYear(): number {
  return schoolYearOf(new Date().toISOString().slice(0, 10));
}

/** The year of the page: `?year=`, or this school year. */
export function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get("year"));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : thisSchoolYear();
  return [year, (next) => setParams({ year: String(next) })];
}

function ScoreBadges({ teacher }: { teacher: TeacherItem }) {
  const { t } = useTranslation();
  if (!teacher.latest)
    return (
      <Text size="sm" c="dimmed">
        {t("teachers.notAssessed")}
      </Text>
    );
  const latest = teacher.latest;
  return (
    <Group gap={4} wrap="wrap">
      {PROFESSIONAL_BLOCKS.flatMap((b) => {
        const score = latest.scores[b];
        const level = latest.levels[b];
        if (score === undefined || !level) return [];
        return [
          <Tooltip key={b} label={`${t(`teachers.blocks.${b}`)}: ${t(`teachers.levels.${level}`)}`}>
            <Badge variant="light" color={LEVEL_COLORS[level]} size="sm">
              {t(`teachers.blocks.${b}`).slice(0, 4)}. {Math.round(score)}
            </Badge>
          </Tooltip>,
        ];
      })}
    </Group>
  );
}

function TeachersTable({ list }: { list: TeacherList }) {
  const { t } = useTranslation();
  if (list.items.length === 0) return <Text c="dimmed">{t("teachers.empty")}</Text>;
  return (
    <Table striped highlightOnHover data-testid="teachers-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("teachers.fullName")}</Table.Th>
          <Table.Th>{t("teachers.position")}</Table.Th>
          <Table.Th>{t("teachers.subjects")}</Table.Th>
          <Table.Th>{t("teachers.category")}</Table.Th>
          <Table.Th>{t("teachers.experience")}</Table.Th>
          <Table.Th>{t("teachers.latest")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.items.map((teacher) => (
          <Table.Tr key={teacher.id} data-testid="teacher-row" opacity={teacher.isActive ? 1 : 0.5}>
            <Table.Td>
              <Stack gap={2}>
                <Anchor component={Link} to={`/teachers/${teacher.id}?year=${list.year}`}>
                  {teacher.fullName}
                </Anchor>
                {teacher.isPriority && (
                  <Text size="xs" c="red.8" data-testid="teacher-priority">
                    {t("teachers.priority")}: {teacher.priorityReason}
                  </Text>
                )}
                {!teacher.isActive && (
                  <Text size="xs" c="dimmed">
                    {t("teachers.inactive")}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>{t(`teachers.positions.${teacher.position}`)}</Table.Td>
            <Table.Td>{teacher.subjects.join(", ")}</Table.Td>
            <Table.Td>{t(`teachers.categories.${teacher.category}`)}</Table.Td>
            <Table.Td>{teacher.experienceYears}</Table.Td>
            <Table.Td>
              <ScoreBadges teacher={teacher} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SchoolTeachers({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useYearParam();
  const query = useSchoolTeachers(schoolId, year);
  const create = useCreateTeacher(schoolId);
  const [isAdding, setAdding] = useState(false);
  return (
    <QueryView query={query}>
      {(list) => {
        const priority = list.items.filter((i) => i.isPriority).length;
        return (
          <Stack gap="md">
            <PageHeader
              title={`${t("teachers.schoolTitle")}: ${list.school.name}`}
              subtitle={`${list.school.municipalityName} · ${t("teachers.priority")}: ${priority}`}
              crumbs={[{ label: list.school.name, to: `/schools/${list.school.id}` }]}
              actions={
                <Group>
                  <NumberInput
                    aria-label={t("teachers.year")}
                    value={year}
                    min={2000}
                    max={2100}
                    w={100}
                    onChange={(v) => Number(v) >= 2000 && setYear(Number(v))}
                  />
                  {list.permissions.canWrite && (
                    <Button onClick={() => setAdding(true)} data-testid="teacher-add">
                      {t("teachers.add")}
                    </Button>
                  )}
                </Group>
              }
            />
            <Text size="sm" c="dimmed">
              {t("teachers.priorityHint")}
            </Text>
            <TeachersTable list={list} />
            {list.permissions.canWrite && <TeacherImport />}
            <DeficitScaleEditor />
            <TeacherFormModal
              opened={isAdding}
              onClose={() => setAdding(false)}
              isSaving={create.isPending}
              serverError={create.error?.message ?? null}
              onSubmit={(input) => create.mutate(input, { onSuccess: () => setAdding(false) })}
            />
          </Stack>
        );
      }}
    </QueryView>
  );
}

/** The teachers of a school: the registry with the latest diagnosis and the priority group, adding and importing. */
export function SchoolTeachersPage() {
  const { t } = useTranslation();
  const schoolId = parseId(useParams().id);
  if (schoolId === null)
    return <MessagePage title={t("errors.notFoundTitle")} text={t("errors.notFoundText")} />;
  return <SchoolTeachers schoolId={schoolId} />;
}
