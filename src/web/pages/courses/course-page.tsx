import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { COURSE_FORMAT_LABELS, ENROLMENT_STATUS_LABELS } from "../../../core/events/kinds";
import { PROFESSIONAL_BLOCK_LABELS } from "../../../core/teachers/blocks";
import type { CourseDetail } from "../../../shared/events-api";
import { useWorkRegion } from "../../app/work-region";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { LinkedMaterials } from "../materials/linked-materials";
import { CourseFormModal } from "./course-form-modal";
import { useCandidates, useCourse, useDeleteCourse, useEnrol, useUpdateEnrolment } from "./courses.queries";
import { ruDate } from "./courses-page";

const today = () => new Date().toISOString().slice(0, 10);

function EnrolPanel({ courseId }: { courseId: number }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const candidates = useCandidates(courseId, q, true);
  const enrol = useEnrol(courseId);
  const data = (candidates.data?.items ?? []).map((c) => ({
    value: String(c.id),
    label: `${c.fullName} — ${c.schoolName} (${c.schoolCode})`,
  }));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={5}>{t("events.course.enrol")}</Title>
        <Group align="flex-end">
          <TextInput
            label={t("events.course.findTeacher")}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={260}
          />
          <MultiSelect
            label={t("events.course.teachers")}
            data={data}
            value={chosen}
            onChange={setChosen}
            searchable
            w={460}
          />
          <Button
            disabled={chosen.length === 0}
            loading={enrol.isPending}
            onClick={() =>
              enrol.mutate(
                { teacherIds: chosen.map(Number), enrolledOn: today() },
                { onSuccess: () => setChosen([]) },
              )
            }
          >
            {t("events.course.enrolButton")}
          </Button>
        </Group>
        {enrol.isError && <Text c="red">{enrol.error.message}</Text>}
      </Stack>
    </Paper>
  );
}

function Card({ detail }: { detail: CourseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateEnrolment();
  const remove = useDeleteCourse();
  const [editing, setEditing] = useState(false);
  const { course, enrolments, permissions } = detail;
  return (
    <Stack>
      <PageHeader
        title={course.title}
        subtitle={`${course.hours} ч · ${COURSE_FORMAT_LABELS[course.format]} · ${course.provider}`}
        crumbs={[{ label: t("events.courses.pageTitle"), to: "/courses" }]}
        actions={
          permissions.canManage && (
            <Group gap="xs">
              <Button variant="light" onClick={() => setEditing(true)} data-testid="course-edit">
                {t("events.course.edit")}
              </Button>
              <Button
                color="red"
                variant="subtle"
                loading={remove.isPending}
                onClick={() => remove.mutate(course.id, { onSuccess: () => navigate("/courses") })}
              >
                {t("common.delete")}
              </Button>
            </Group>
          )
        }
      />
      {editing && <CourseFormModal course={course} onClose={() => setEditing(false)} />}
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Text size="sm">{`${t("events.courses.dates")}: ${ruDate(course.startsOn)} – ${ruDate(course.endsOn)}`}</Text>
          <Group gap={4}>
            {course.blocks.map((b) => (
              <Badge key={b} variant="light">
                {PROFESSIONAL_BLOCK_LABELS[b]}
              </Badge>
            ))}
            {course.subjects.map((s) => (
              <Badge key={s} color="gray" variant="light">
                {s}
              </Badge>
            ))}
          </Group>
          {course.description && <Text size="sm">{course.description}</Text>}
          <Text size="sm" fw={500}>
            {t("events.courses.counts", {
              enrolled: course.enrolled,
              completed: course.completed,
              dropped: course.dropped,
            })}
          </Text>
        </Stack>
      </Paper>
      {permissions.canEnrol && <EnrolPanel courseId={course.id} />}
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          {t("events.course.enrolments")}
        </Title>
        {enrolments.length === 0 ? (
          <Text c="dimmed">{t("events.course.noEnrolments")}</Text>
        ) : (
          <Table striped data-testid="enrolments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("events.course.teacher")}</Table.Th>
                <Table.Th>{t("events.course.school")}</Table.Th>
                <Table.Th>{t("events.course.enrolledOn")}</Table.Th>
                <Table.Th>{t("events.course.status")}</Table.Th>
                {permissions.canEnrol && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrolments.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.teacherName}</Table.Td>
                  <Table.Td>{`${e.schoolName} (${e.municipalityName})`}</Table.Td>
                  <Table.Td>{ruDate(e.enrolledOn)}</Table.Td>
                  <Table.Td>
                    {ENROLMENT_STATUS_LABELS[e.status]}
                    {e.completedOn ? ` ${ruDate(e.completedOn)}` : ""}
                  </Table.Td>
                  {permissions.canEnrol && (
                    <Table.Td>
                      {e.status === "enrolled" && (
                        <Group gap={4}>
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() =>
                              update.mutate({
                                id: e.id,
                                patch: {
                                  status: "completed",
                                  completedOn:
                                    course.endsOn && course.endsOn >= e.enrolledOn ? course.endsOn : today(),
                                },
                              })
                            }
                          >
                            {t("events.course.complete")}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="gray"
                            onClick={() => update.mutate({ id: e.id, patch: { status: "dropped" } })}
                          >
                            {t("events.course.drop")}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper>
        <LinkedMaterials entity="course" entityId={course.id} />
      </Paper>
    </Stack>
  );
}

/** A course's card: the course, enrolling teachers, the enrolments with completion and drops. */
export function CoursePage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  const { regionId } = useWorkRegion();
  const query = useCourse(id ?? 0, regionId);
  useDocumentTitle(query.data?.course.title ?? t("events.courses.pageTitle"));
  return <QueryView query={query}>{(data) => <Card detail={data} />}</QueryView>;
}
