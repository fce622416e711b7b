import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BlockScores, PROFESSIONAL_BLOCKS } from "../../../core/teachers";
import type { MentorRow } from "../../../shared/mentoring-api";
import { QueryView } from "../../components/query-view";
import { useAllSchools } from "../schools/schools.queries";
import { AddStaffMentorModal } from "./add-staff-mentor-modal";
import { CapacityInput, Strengths, StrengthsInput } from "./mentor-fields";
import {
  useCreateMentor,
  useMentors,
  useSchoolTeachersForMentors,
  useUpdateMentor,
} from "./mentoring.queries";

/** Edits a mentor's capacity, strengths by block and whether they take mentees. */
function EditMentorModal({
  mentor,
  year,
  onClose,
}: {
  mentor: MentorRow;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMentor();
  const [capacity, setCapacity] = useState<number>(mentor.capacity);
  const [isActive, setActive] = useState(mentor.isActive);
  const [strengths, setStrengths] = useState<BlockScores>(mentor.strengths);
  const save = () =>
    update.mutate(
      { id: mentor.id, year, input: { capacity, isActive, strengths } },
      { onSuccess: () => onClose() },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("mentoring.registry.editTitle", { name: mentor.fullName })}
      size="lg"
    >
      <Stack gap="sm" data-testid="mentor-form">
        <Group align="flex-end">
          <CapacityInput
            label={t("mentoring.registry.capacity")}
            value={capacity}
            onChange={setCapacity}
            testId="mentor-capacity"
          />
          <Switch
            label={t("mentoring.registry.active")}
            checked={isActive}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
        </Group>
        <Text size="sm" fw={500}>
          {t("mentoring.registry.strengths")}
        </Text>
        <StrengthsInput value={strengths} onChange={setStrengths} />
        {update.isError && <Alert color="red">{update.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={save} loading={update.isPending} data-testid="mentor-save">
            {t("mentoring.registry.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The strengths of a diagnosis: its blocks at or above 70. */
function strengthsOf(scores: BlockScores | undefined): BlockScores {
  const out: BlockScores = {};
  for (const b of PROFESSIONAL_BLOCKS) {
    const v = scores?.[b];
    if (v !== undefined && v >= 70) out[b] = v;
  }
  return out;
}

/** Adds a teacher of a school in scope to the registry, strengths taken from their latest diagnosis. */
function AddMentorModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const schools = useAllSchools();
  const [schoolId, setSchoolId] = useState<number | null>(null);
  const teachers = useSchoolTeachersForMentors(schoolId, year);
  const [teacherId, setTeacherId] = useState<number | null>(null);
  const [capacity, setCapacity] = useState<number>(2);
  const create = useCreateMentor();
  const teacher = teachers.data?.items.find((x) => x.id === teacherId);
  const strengths = strengthsOf(teacher?.latest?.scores);
  const save = () => {
    if (teacherId === null) return;
    create.mutate(
      { year, input: { kind: "teacher", teacherId, strengths, capacity, source: "other" } },
      { onSuccess: () => onClose() },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t("mentoring.registry.addTitle")} size="lg">
      <Stack gap="sm" data-testid="add-mentor-form">
        <Select
          label={t("mentoring.registry.school")}
          searchable
          data={(schools.data?.items ?? []).map((s) => ({
            value: String(s.id),
            label: `${s.code} ${s.shortName}`,
          }))}
          value={schoolId === null ? null : String(schoolId)}
          onChange={(v) => {
            setSchoolId(v ? Number(v) : null);
            setTeacherId(null);
          }}
          data-testid="add-mentor-school"
        />
        <Select
          label={t("mentoring.teacher")}
          searchable
          disabled={schoolId === null}
          data={(teachers.data?.items ?? [])
            .filter((x) => x.isActive)
            .map((x) => ({
              value: String(x.id),
              label: `${x.fullName}${x.subjects.length ? ` (${x.subjects.join(", ")})` : ""}`,
            }))}
          value={teacherId === null ? null : String(teacherId)}
          onChange={(v) => setTeacherId(v ? Number(v) : null)}
          data-testid="add-mentor-teacher"
        />
        {teacher && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("mentoring.registry.strengthsFromDiagnosis")}
            </Text>
            {Object.keys(strengths).length === 0 ? (
              <Alert color="yellow">{t("mentoring.registry.noStrengths")}</Alert>
            ) : (
              <Strengths strengths={strengths} />
            )}
          </Stack>
        )}
        <CapacityInput label={t("mentoring.registry.capacity")} value={capacity} onChange={setCapacity} />
        {create.isError && <Alert color="red">{create.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={save}
            disabled={teacherId === null}
            loading={create.isPending}
            data-testid="add-mentor-save"
          >
            {t("mentoring.registry.add")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** «Реестр наставников»: the mentors in scope with their places taken in the year, editable by the МОЦ. */
export function MentorsRegistry({
  year,
  regionId,
  enabled,
}: {
  year: number;
  regionId?: number;
  enabled: boolean;
}) {
  const { t } = useTranslation();
  const mentors = useMentors({ year, regionId }, enabled);
  const [editing, setEditing] = useState<MentorRow | null>(null);
  const [adding, setAdding] = useState(false);
  const [addingStaff, setAddingStaff] = useState(false);
  return (
    <QueryView query={mentors}>
      {(data) => {
        const own = data.mentors.filter((m) => !m.isOtherMunicipality);
        return (
          <Stack gap="sm">
            {data.canManage && (
              <Group>
                <Button variant="light" onClick={() => setAdding(true)} data-testid="add-mentor">
                  {t("mentoring.registry.addTitle")}
                </Button>
                <Button variant="light" onClick={() => setAddingStaff(true)} data-testid="add-staff-mentor">
                  {t("mentoring.registry.addStaffTitle")}
                </Button>
              </Group>
            )}
            {adding && <AddMentorModal year={year} onClose={() => setAdding(false)} />}
            {addingStaff && <AddStaffMentorModal year={year} onClose={() => setAddingStaff(false)} />}
            {data.mentors.some((m) => m.isOtherMunicipality) && (
              <Text size="xs" c="dimmed">
                {t("mentoring.registry.otherHint")}
              </Text>
            )}
            {data.mentors.length === 0 ? (
              <Alert color="gray">{t("mentoring.registry.empty")}</Alert>
            ) : (
              <Paper withBorder p="sm">
                <Text size="sm" c="dimmed" mb="xs">
                  {t("mentoring.registry.summary", {
                    mentors: own.length,
                    places: own.filter((m) => m.isActive).reduce((s, m) => s + m.capacity, 0),
                    taken: own.reduce((s, m) => s + m.load, 0),
                  })}
                  {own.length < data.mentors.length &&
                    t("mentoring.registry.summaryOther", { count: data.mentors.length - own.length })}
                </Text>
                <Table striped verticalSpacing="xs" data-testid="mentors-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("mentoring.mentor")}</Table.Th>
                      <Table.Th>{t("mentoring.registry.subjects")}</Table.Th>
                      <Table.Th>{t("mentoring.registry.strengths")}</Table.Th>
                      <Table.Th>{t("mentoring.registry.load")}</Table.Th>
                      {data.canManage && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.mentors.map((m) => (
                      <Table.Tr
                        key={m.id}
                        data-testid="mentor-row"
                        data-mentor={m.fullName}
                        data-other={m.isOtherMunicipality ? "true" : undefined}
                      >
                        <Table.Td>
                          <Group gap={6}>
                            <Text size="sm" fw={500}>
                              {m.fullName}
                            </Text>
                            {m.isOtherMunicipality && (
                              <Badge size="xs" color="gray" variant="outline" data-testid="mentor-other">
                                {t("mentoring.registry.otherMunicipality")}
                              </Badge>
                            )}
                          </Group>
                          <Text size="xs" c="dimmed">
                            {[
                              m.position || t(`mentoring.registry.kind.${m.kind}`),
                              m.schoolName,
                              m.municipalityName,
                            ]
                              .filter(Boolean)
                              .join(", ")}
                          </Text>
                          {m.note && (
                            <Text size="xs" c="dimmed" fs="italic">
                              {m.note}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{m.subjects.join(", ") || "—"}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Strengths strengths={m.strengths} />
                        </Table.Td>
                        <Table.Td data-testid="mentor-load">
                          {m.isActive ? (
                            <Text size="sm" c={m.load >= m.capacity ? "orange" : undefined}>
                              {t("mentoring.registry.loadOf", { load: m.load, capacity: m.capacity })}
                            </Text>
                          ) : (
                            <Badge color="gray">{t("mentoring.registry.inactive")}</Badge>
                          )}
                        </Table.Td>
                        {data.canManage && (
                          <Table.Td>
                            {m.canEdit && (
                              <Button
                                size="xs"
                                variant="light"
                                onClick={() => setEditing(m)}
                                data-testid="edit-mentor"
                              >
                                {t("mentoring.registry.edit")}
                              </Button>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {editing && <EditMentorModal mentor={editing} year={year} onClose={() => setEditing(null)} />}
              </Paper>
            )}
          </Stack>
        );
      }}
    </QueryView>
  );
}
