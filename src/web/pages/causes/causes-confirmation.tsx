import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SchoolCauses } from "../../../shared/school-causes-api";
import { formatMoscowDateTime } from "../../components/format";
import { LEVEL_BADGE, LEVELS } from "./causes-labels";
import { useSaveCauses } from "./school-causes.queries";

/** The confirmed causes as a list: who confirmed each and when, with the note. */
export function ConfirmedCausesList({ data }: { data: SchoolCauses }) {
  const { t } = useTranslation();
  if (data.causes.length === 0) return <Text c="dimmed">{t("causes.section.confirmedNone")}</Text>;
  return (
    <Stack gap={6} data-testid="confirmed-causes">
      {data.causes.map((cause) => (
        <Stack gap={0} key={cause.factorCode}>
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {cause.title}
            </Text>
            {cause.isRetired && (
              <Badge size="xs" color="gray">
                {t("causes.confirm.retired")}
              </Badge>
            )}
          </Group>
          {cause.note && <Text size="sm">{cause.note}</Text>}
          <Text size="xs" c="dimmed">
            {t("causes.section.confirmedBy", {
              name: cause.confirmedByName,
              date: formatMoscowDateTime(cause.confirmedAt),
            })}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}

/**
 * The МОЦ's confirmation of a school's causes: a checkbox per factor with its profile level beside it
 * and a note; saving sets the confirmed set (who and when kept for the causes already confirmed).
 */
export function CausesConfirmation({ data }: { data: SchoolCauses }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(data.causes.map((cause) => [cause.factorCode, cause.note])),
  );
  const [checked, setChecked] = useState<Set<string>>(
    () => new Set(data.causes.map((cause) => cause.factorCode)),
  );
  const save = useSaveCauses(data.school.id, data.year);
  const retiredKept = data.causes.filter(
    (cause) => !data.candidates.some((c) => c.factorCode === cause.factorCode),
  );
  // the factors the profile rates worst first, so that the МОЦ weighs them first
  const byLevel = [...data.candidates].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  const rows = [
    ...byLevel,
    ...retiredKept.map((cause) => ({
      factorCode: cause.factorCode,
      title: cause.title,
      level: "no_data" as const,
      summary: "",
    })),
  ];
  const toggle = (code: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const onSave = () =>
    save.mutate(
      {
        causes: rows
          .filter((row) => checked.has(row.factorCode))
          .map((row) => ({ factorCode: row.factorCode, note: notes[row.factorCode] ?? "" })),
      },
      { onSuccess: () => notifications.show({ color: "teal", message: t("causes.confirm.saved") }) },
    );
  return (
    <Paper withBorder p="md" data-testid="causes-confirmation">
      <Stack gap="sm">
        <Title order={5}>{t("causes.confirm.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("causes.confirm.hint")}
        </Text>
        {save.isError && (
          <Alert color="red" variant="light">
            {save.error.message}
          </Alert>
        )}
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.factorCode}>
                <Table.Td w={32}>
                  <Checkbox
                    aria-label={row.title}
                    checked={checked.has(row.factorCode)}
                    onChange={() => toggle(row.factorCode)}
                    data-testid={`confirm-${row.factorCode}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.title}</Text>
                </Table.Td>
                <Table.Td w={140}>
                  <Badge color={LEVEL_BADGE[row.level]} variant="light" title={row.summary}>
                    {t(`causes.levels.${row.level}`)}
                  </Badge>
                </Table.Td>
                <Table.Td w={280}>
                  {checked.has(row.factorCode) && (
                    <TextInput
                      size="xs"
                      placeholder={t("causes.confirm.note")}
                      value={notes[row.factorCode] ?? ""}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        setNotes((current) => ({ ...current, [row.factorCode]: value }));
                      }}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Button w="fit-content" onClick={onSave} loading={save.isPending} data-testid="causes-save">
          {t("causes.confirm.save")}
        </Button>
      </Stack>
    </Paper>
  );
}
