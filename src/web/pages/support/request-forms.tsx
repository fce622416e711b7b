import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AgeBand,
  CHILD_AGE_BANDS,
  COUNT_GROUPS,
  type CountGroup,
  type CountRow,
} from "../../../core/support";
import { fieldErrorsOf } from "../../components/form-errors";
import { sendRequestAction, useRequestWrite, useSpecialistOptions } from "./support.queries";

/** «Назначить специалиста»: one of the specialists assigned to the school, and the date. */
export function AssignForm({ requestId, filedOn }: { requestId: number; filedOn: string }) {
  const { t } = useTranslation();
  const options = useSpecialistOptions(requestId, true);
  const [specialistId, setSpecialistId] = useState<string | null>(null);
  const [scheduledOn, setScheduledOn] = useState(filedOn);
  const assign = useRequestWrite(requestId, (body: { specialistId: number; scheduledOn: string }) =>
    sendRequestAction(requestId, "assign", body),
  );
  const errors = fieldErrorsOf(assign.error);
  const items = options.data?.items ?? [];
  return (
    <Paper data-testid="assign-form">
      <Title order={4} mb="sm">
        {t("support.request.assign")}
      </Title>
      {options.data && items.length === 0 && (
        <Alert color="yellow" variant="light" mb="sm">
          {t("support.request.noSpecialists")}
        </Alert>
      )}
      {assign.error && (
        <Alert color="red" variant="light" mb="sm">
          {assign.error.message}
        </Alert>
      )}
      <Group align="flex-end">
        <Select
          label={t("support.request.chooseSpecialist")}
          data-testid="assign-specialist"
          value={specialistId}
          onChange={setSpecialistId}
          data={items.map((s) => ({ value: String(s.id), label: s.fullName }))}
          error={errors.specialistId}
          w={320}
        />
        <TextInput
          type="date"
          label={t("support.request.scheduledOn")}
          data-testid="assign-date"
          value={scheduledOn}
          onChange={(event) => setScheduledOn(event.currentTarget.value)}
          error={errors.scheduledOn}
        />
        <Button
          data-testid="assign-submit"
          disabled={specialistId === null}
          loading={assign.isPending}
          onClick={() => assign.mutate({ specialistId: Number(specialistId), scheduledOn })}
        >
          {t("support.request.assignButton")}
        </Button>
      </Group>
    </Paper>
  );
}

const blankRow = (group: CountGroup): CountRow => ({
  group,
  ageBand: group === "children" ? "11_14" : "adult",
  count: 0,
});

/**
 * «Внести проведённую работу»: an examination or a consultation as counts by group and age band —
 * the form says that no names are entered, and has no field for one beyond a short note.
 */
export function RecordForm({ requestId, today }: { requestId: number; today: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<"examination" | "consultation">("consultation");
  const [heldOn, setHeldOn] = useState(today);
  const [rows, setRows] = useState<CountRow[]>([blankRow("children")]);
  const [note, setNote] = useState("");
  const record = useRequestWrite(requestId, (body: unknown) =>
    sendRequestAction(requestId, "sessions", body),
  );
  const errors = fieldErrorsOf(record.error);
  const setRow = (i: number, row: CountRow) => setRows(rows.map((r, j) => (j === i ? row : r)));
  const onSave = () =>
    record.mutate(
      { kind, heldOn, counts: rows, note },
      {
        onSuccess: () => {
          setRows([blankRow("children")]);
          setNote("");
        },
      },
    );
  return (
    <Paper data-testid="record-form">
      <Title order={4}>{t("support.request.record")}</Title>
      <Text size="sm" c="orange.8" mb="sm" data-testid="no-names">
        {t("support.request.noNames")}
      </Text>
      {record.error && (
        <Alert color="red" variant="light" mb="sm">
          {record.error.message}
        </Alert>
      )}
      <Stack gap="xs">
        <Group align="flex-end">
          <Select
            label={t("support.request.sessionKind")}
            data-testid="record-kind"
            allowDeselect={false}
            value={kind}
            onChange={(value) => setKind(value === "examination" ? "examination" : "consultation")}
            data={[
              { value: "consultation", label: t("support.request.consultation") },
              { value: "examination", label: t("support.request.examination") },
            ]}
          />
          <TextInput
            type="date"
            label={t("support.request.heldOn")}
            data-testid="record-date"
            value={heldOn}
            onChange={(event) => setHeldOn(event.currentTarget.value)}
            error={errors.heldOn}
          />
        </Group>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity but their place
          <Group key={i} align="flex-end" data-testid={`count-row-${i}`}>
            <Select
              label={i === 0 ? t("support.request.group") : undefined}
              data-testid={`count-group-${i}`}
              allowDeselect={false}
              value={row.group}
              onChange={(value) => {
                const group = COUNT_GROUPS.find((g) => g === value) ?? row.group;
                setRow(i, { ...row, group, ageBand: group === "children" ? "11_14" : "adult" });
              }}
              data={COUNT_GROUPS.map((g) => ({ value: g, label: t(`support.target.${g}`) }))}
              w={160}
            />
            <Select
              label={i === 0 ? t("support.request.ageBand") : undefined}
              data-testid={`count-band-${i}`}
              allowDeselect={false}
              disabled={row.group !== "children"}
              value={row.ageBand}
              onChange={(value) => {
                const band: AgeBand = CHILD_AGE_BANDS.find((b) => b === value) ?? "adult";
                setRow(i, { ...row, ageBand: band });
              }}
              data={(row.group === "children" ? CHILD_AGE_BANDS : (["adult"] as const)).map((b) => ({
                value: b,
                label: t(`support.ageBand.${b}`),
              }))}
              w={160}
            />
            <NumberInput
              label={i === 0 ? t("support.request.count") : undefined}
              data-testid={`count-value-${i}`}
              min={0}
              max={500}
              allowDecimal={false}
              value={row.count}
              onChange={(value) => setRow(i, { ...row, count: typeof value === "number" ? value : 0 })}
              error={errors[`counts.${i}`]}
              w={120}
            />
            {rows.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            data-testid="count-add"
            onClick={() =>
              setRows([...rows, blankRow(rows.some((r) => r.group === "parents") ? "teachers" : "parents")])
            }
          >
            {t("support.request.addRow")}
          </Button>
        </Group>
        {errors.counts && (
          <Text c="red" size="sm">
            {errors.counts}
          </Text>
        )}
        <TextInput
          label={t("support.request.note")}
          maxLength={200}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.note}
        />
        <Group justify="flex-end">
          <Button onClick={onSave} loading={record.isPending} data-testid="record-submit">
            {t("support.request.recordButton")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
