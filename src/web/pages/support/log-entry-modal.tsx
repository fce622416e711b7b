import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  LOG_AUDIENCES,
  LOG_FORMATS,
  LOG_KINDS,
  type LogAudience,
  type LogFormat,
  type LogKind,
} from "../../../core/support";
import type { LogEntry } from "../../../shared/support-api";
import { fieldErrorsOf } from "../../components/form-errors";
import { useMunicipality } from "../municipalities/municipalities.queries";
import { useAllSchools } from "../schools/schools.queries";
import { useSaveLogEntry } from "./support.queries";

const NONE = "none";

/** «Добавить запись» / «Изменить запись» of the МОЦ log: school, kind, audience, format, date, topic, who, how many, findings. */
export function LogEntryModal({ entry, onClose }: { entry: LogEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const schools = useAllSchools().data?.items ?? [];
  const [schoolId, setSchoolId] = useState<string | null>(entry ? String(entry.school.id) : null);
  const [kind, setKind] = useState<LogKind>(entry?.kind ?? "consultation");
  const [audience, setAudience] = useState<LogAudience | null>(entry?.audience ?? "teachers");
  const [format, setFormat] = useState<LogFormat>(entry?.format ?? "in_person");
  const [heldOn, setHeldOn] = useState(entry?.heldOn ?? "");
  const [topic, setTopic] = useState(entry?.topic ?? "");
  const [staffId, setStaffId] = useState<string>(entry?.staffId ? String(entry.staffId) : NONE);
  const [givenBy, setGivenBy] = useState(entry && entry.staffId === null ? entry.givenBy : "");
  const [peopleCount, setPeopleCount] = useState<number>(entry?.peopleCount ?? 1);
  const [findings, setFindings] = useState(entry?.findings ?? "");
  const school = schools.find((s) => String(s.id) === schoolId);
  const staff = useMunicipality(school?.municipalityId ?? null).data?.moc?.staff ?? [];
  const save = useSaveLogEntry(entry?.id ?? null);
  const errors = fieldErrorsOf(save.error);
  const onSave = () =>
    save.mutate(
      {
        schoolId: Number(schoolId),
        kind,
        audience: kind === "consultation" ? audience : kind === "interview" ? "heads" : null,
        format,
        heldOn,
        topic,
        staffId: staffId === NONE ? null : Number(staffId),
        givenBy,
        peopleCount,
        findings,
      },
      { onSuccess: onClose },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={entry ? t("support.log.edit") : t("support.log.add")}
      size="lg"
      centered
    >
      <Stack>
        {save.error && (
          <Alert color="red" variant="light">
            {save.error.message}
          </Alert>
        )}
        <Select
          label={t("support.log.school")}
          data-testid="log-school"
          searchable
          withAsterisk
          value={schoolId}
          onChange={setSchoolId}
          data={schools.map((s) => ({ value: String(s.id), label: `${s.code} ${s.shortName}` }))}
          error={errors.schoolId}
        />
        <Group grow>
          <Select
            label={t("support.log.kindLabel")}
            data-testid="log-kind"
            allowDeselect={false}
            value={kind}
            onChange={(value) => setKind(LOG_KINDS.find((k) => k === value) ?? kind)}
            data={LOG_KINDS.map((k) => ({ value: k, label: t(`support.kind.${k}`) }))}
          />
          {kind === "consultation" && (
            <Select
              label={t("support.log.audienceLabel")}
              data-testid="log-audience"
              value={audience}
              onChange={(value) => setAudience(LOG_AUDIENCES.find((a) => a === value) ?? null)}
              data={LOG_AUDIENCES.map((a) => ({ value: a, label: t(`support.audience.${a}`) }))}
              error={errors.audience}
            />
          )}
          <Select
            label={t("support.log.formatLabel")}
            allowDeselect={false}
            value={format}
            onChange={(value) => setFormat(LOG_FORMATS.find((f) => f === value) ?? format)}
            data={LOG_FORMATS.map((f) => ({ value: f, label: t(`support.format.${f}`) }))}
          />
        </Group>
        <Group grow>
          <TextInput
            type="date"
            label={t("support.log.heldOn")}
            data-testid="log-date"
            withAsterisk
            value={heldOn}
            onChange={(event) => setHeldOn(event.currentTarget.value)}
            error={errors.heldOn}
          />
          <NumberInput
            label={t("support.log.people")}
            data-testid="log-people"
            min={1}
            allowDecimal={false}
            value={peopleCount}
            onChange={(value) => setPeopleCount(typeof value === "number" ? value : 0)}
            error={errors.peopleCount}
          />
        </Group>
        <TextInput
          label={t("support.log.topic")}
          data-testid="log-topic"
          withAsterisk
          value={topic}
          onChange={(event) => setTopic(event.currentTarget.value)}
          error={errors.topic}
        />
        <Group grow align="flex-start">
          <Select
            label={t("support.log.staff")}
            allowDeselect={false}
            value={staffId}
            onChange={(value) => setStaffId(value ?? NONE)}
            data={[
              { value: NONE, label: t("support.log.staffNone") },
              ...staff.map((s) => ({ value: String(s.id), label: s.fullName })),
            ]}
            error={errors.staffId}
          />
          {staffId === NONE && (
            <TextInput
              label={t("support.log.givenByName")}
              data-testid="log-given-by"
              value={givenBy}
              onChange={(event) => setGivenBy(event.currentTarget.value)}
              error={errors.givenBy}
            />
          )}
        </Group>
        {kind === "visit" && (
          <Textarea
            label={t("support.log.findings")}
            withAsterisk
            autosize
            minRows={3}
            value={findings}
            onChange={(event) => setFindings(event.currentTarget.value)}
            error={errors.findings}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("support.log.cancel")}
          </Button>
          <Button
            onClick={onSave}
            loading={save.isPending}
            disabled={schoolId === null}
            data-testid="log-save"
          >
            {t("support.log.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
