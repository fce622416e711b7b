import { Alert, Button, Group, NumberInput, Paper, Stack, Table, Tabs, Text, Textarea } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ruleSetSchema } from "../../../core/identification/rule-set.schema";
import { ConfirmDialog } from "../../components/confirm-dialog";
import {
  useDeleteRuleSet,
  useLatestDataYear,
  usePreview,
  useRuleSet,
  useSaveRuleSet,
} from "./identification.queries";
import { type Draft, RuleSetForm } from "./rule-set-form";

/** A new rule set's starting text: one threshold criterion the user edits. */
const TEMPLATE = {
  name: "Новый набор правил",
  category: "shnro",
  combine: { kind: "any" },
  minStudents: 10,
  criteria: [
    {
      id: "ege_math_fail",
      kind: "threshold",
      indicatorCode: "ege_math_below_min_share",
      op: ">=",
      value: 0.2,
      window: { kind: "k_of_n", k: 2, n: 3 },
    },
  ],
};

/** The text as a draft for the form, or null when it is not a JSON object. */
function parseDraft(text: string): Draft | null {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Draft) : null;
  } catch {
    return null;
  }
}

/** The text's parse: the definition, or the first problem in Russian. */
function parseText(text: string): { definition: unknown; problem: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { definition: null, problem: err instanceof Error ? err.message : String(err) };
  }
  const parsed = ruleSetSchema.safeParse(json);
  if (parsed.success) return { definition: json, problem: null };
  const issue = parsed.error.issues[0];
  return { definition: null, problem: issue ? `${issue.path.join(".")}: ${issue.message}` : "?" };
}

/**
 * Edits a rule set in a form or as JSON (the documented file format; both edit the same text) with a
 * live preview: while the text is a valid rule set, the counts of schools each criterion catches for
 * the chosen year update as you type. Saving makes a new version; runs keep the version they used.
 */
export function RuleSetEditor({
  id,
  onSaved,
  onDeleted,
}: {
  id: number | null;
  onSaved: (id: number) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const stored = useRuleSet(id);
  const save = useSaveRuleSet();
  const remove = useDeleteRuleSet();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [text, setText] = useState(() => JSON.stringify(TEMPLATE, null, 2));
  const latestYear = useLatestDataYear();
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? latestYear ?? new Date().getFullYear() - 1;
  useEffect(() => {
    if (id === null) setText(JSON.stringify(TEMPLATE, null, 2));
    else if (stored.data) setText(JSON.stringify(stored.data.definition, null, 2));
  }, [id, stored.data]);
  const [debounced] = useDebouncedValue(text, 500);
  const { definition, problem } = useMemo(() => parseText(debounced), [debounced]);
  const draft = useMemo(() => parseDraft(text), [text]);
  const preview = usePreview(definition, year);
  const canEdit = id === null || stored.data?.permissions.canEdit === true;

  return (
    <Stack gap="sm" data-testid="rule-set-editor">
      <Tabs defaultValue="form" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="form" data-testid="rule-set-tab-form">
            {t("identification.tabForm")}
          </Tabs.Tab>
          <Tabs.Tab value="json" data-testid="rule-set-tab-json">
            {t("identification.tabJson")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="form">
          {draft ? (
            <RuleSetForm
              draft={draft}
              onChange={(next) => setText(JSON.stringify(next, null, 2))}
              preview={definition !== null ? preview.data : undefined}
              readOnly={!canEdit}
            />
          ) : (
            <Alert color="yellow">{t("identification.formNeedsJson")}</Alert>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="json">
          <Textarea
            label={t("identification.definition")}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            autosize
            minRows={12}
            maxRows={30}
            styles={{ input: { fontFamily: "monospace", fontSize: 13 } }}
            data-testid="rule-set-json"
          />
        </Tabs.Panel>
      </Tabs>
      {problem && <Alert color="yellow">{t("identification.invalidJson", { message: problem })}</Alert>}
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t("identification.previewYear")}
          value={year}
          onChange={(value) => setYear(Number(value))}
          min={2000}
          max={2100}
          w={160}
        />
        {canEdit && (
          <Button
            disabled={problem !== null}
            loading={save.isPending}
            onClick={() =>
              save.mutate({ id, definition: JSON.parse(text) }, { onSuccess: (saved) => onSaved(saved.id) })
            }
            data-testid="rule-set-save"
          >
            {id === null ? t("identification.create") : t("identification.saveVersion")}
          </Button>
        )}
        {save.isSuccess && <Text c="green">{t("identification.saved", { version: save.data.version })}</Text>}
        {canEdit && id !== null && (
          <Button
            variant="subtle"
            color="red"
            ml="auto"
            onClick={() => setConfirmingDelete(true)}
            data-testid="rule-set-delete"
          >
            {t("identification.deleteRuleSet")}
          </Button>
        )}
      </Group>
      {save.isError && <Alert color="red">{save.error.message}</Alert>}
      {remove.isError && <Alert color="red">{remove.error.message}</Alert>}
      <ConfirmDialog
        opened={confirmingDelete}
        title={t("identification.deleteRuleSetTitle")}
        text={t("identification.deleteRuleSetText", { name: stored.data?.name ?? "" })}
        confirmLabel={t("identification.deleteRuleSet")}
        isPending={remove.isPending}
        onClose={() => setConfirmingDelete(false)}
        onConfirm={() => {
          if (id === null) return;
          remove.mutate(id, {
            onSuccess: () => {
              setConfirmingDelete(false);
              onDeleted();
            },
          });
        }}
      />
      {preview.isError && <Alert color="red">{preview.error.message}</Alert>}
      {preview.data && definition !== null && (
        <Paper data-testid="rule-set-preview">
          <Stack gap="xs">
            <Text fw={600}>
              {t("identification.previewTotal", {
                flagged: preview.data.flagged,
                schools: preview.data.schools,
                insufficient: preview.data.insufficientData,
              })}
            </Text>
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("identification.criterion")}</Table.Th>
                  <Table.Th>{t("identification.met")}</Table.Th>
                  <Table.Th>{t("identification.notMet")}</Table.Th>
                  <Table.Th>{t("identification.noData")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.data.criteria.map((c) => (
                  <Table.Tr key={c.criterionId} data-criterion={c.criterionId}>
                    <Table.Td>{c.criterionId}</Table.Td>
                    <Table.Td>{c.met}</Table.Td>
                    <Table.Td>{c.notMet}</Table.Td>
                    <Table.Td>{c.noData}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
