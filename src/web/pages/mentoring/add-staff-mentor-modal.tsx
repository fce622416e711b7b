import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BlockScores } from "../../../core/teachers";
import { useMe } from "../../app/session";
import { useMunicipalities } from "../municipalities/municipalities.queries";
import { CapacityInput, StrengthsInput } from "./mentor-fields";
import { useCreateMentor } from "./mentoring.queries";

/**
 * Adds a member of a МОЦ's staff as a mentor, not attached to a school: name, position («методист
 * МОЦ» by default), subjects, strengths by block and a capacity. The region picks the МОЦ's municipality.
 */
export function AddStaffMentorModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const isMoc = me.role === "moc_coordinator";
  const municipalities = useMunicipalities(!isMoc);
  const create = useCreateMentor();
  const [fullName, setFullName] = useState("");
  const [position, setPosition] = useState("методист МОЦ");
  const [subjects, setSubjects] = useState("");
  const [municipalityId, setMunicipalityId] = useState<number | null>(null);
  const [capacity, setCapacity] = useState<number>(3);
  const [strengths, setStrengths] = useState<BlockScores>({});
  const save = () =>
    create.mutate(
      {
        year,
        input: {
          kind: "moc_staff",
          fullName,
          position,
          subjects: subjects
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
          strengths,
          capacity,
          source: "moc",
          ...(municipalityId === null ? {} : { municipalityId }),
        },
      },
      { onSuccess: () => onClose() },
    );
  return (
    <Modal opened onClose={onClose} title={t("mentoring.registry.addStaffTitle")} size="lg">
      <Stack gap="sm" data-testid="add-staff-form">
        <TextInput
          label={t("mentoring.registry.staffName")}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          data-testid="staff-name"
        />
        <TextInput
          label={t("mentoring.registry.staffPosition")}
          value={position}
          onChange={(e) => setPosition(e.currentTarget.value)}
        />
        {!isMoc && (
          <Select
            label={t("mentoring.registry.staffMunicipality")}
            searchable
            data={(municipalities.data ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
            value={municipalityId === null ? null : String(municipalityId)}
            onChange={(v) => setMunicipalityId(v ? Number(v) : null)}
          />
        )}
        <TextInput
          label={t("mentoring.registry.subjects")}
          description={t("mentoring.registry.subjectsHint")}
          value={subjects}
          onChange={(e) => setSubjects(e.currentTarget.value)}
        />
        <StrengthsInput value={strengths} onChange={setStrengths} />
        <CapacityInput label={t("mentoring.registry.capacity")} value={capacity} onChange={setCapacity} />
        {create.isError && <Alert color="red">{create.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={save}
            loading={create.isPending}
            disabled={fullName.trim().length < 3}
            data-testid="staff-save"
          >
            {t("mentoring.registry.add")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
