import { ActionIcon, Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type PlanInput, planFromInput } from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import { type FieldErrors, fieldErrorsOf } from "../../components/form-errors";
import { ActivityEditor } from "./activity-editor";
import {
  blankActivity,
  freshId,
  moveActivity,
  moveSection,
  patchActivity,
  removeActivity,
  renumber,
  toEditable,
} from "./plan-edit-state";
import { liveQuality } from "./plan-format";
import { useSavePlanContent } from "./plans.queries";
import { QualityList } from "./quality-panel";

/** The errors of one activity's fields, from the server's paths «sections.0.activities.2.title». */
function activityErrors(errors: FieldErrors, s: number, a: number): FieldErrors {
  const prefix = `sections.${s}.activities.${a}.`;
  return Object.fromEntries(
    Object.entries(errors).flatMap(([path, message]) =>
      path.startsWith(prefix) ? [[path.slice(prefix.length), message]] : [],
    ),
  );
}

/**
 * Editing a draft or returned plan: title and period, sections (add, rename, move, remove) and their
 * activities (add, edit, move, remove), renumbering; the quality findings recomputed as the author
 * types, so they are seen before sending; saving answers with the server's checks.
 */
export function PlanEditor({ detail, onClose }: { detail: PlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PlanInput>(() => toEditable(detail.content));
  const save = useSavePlanContent(detail.id);
  const errors = fieldErrorsOf(save.error);
  const quality = liveQuality(planFromInput(draft), detail);
  const onSave = () => save.mutate(draft, { onSuccess: onClose });
  const setSection = (sectionId: string, patch: Partial<PlanInput["sections"][number]>) =>
    setDraft({
      ...draft,
      sections: draft.sections.map((section) =>
        section.id === sectionId ? { ...section, ...patch } : section,
      ),
    });
  return (
    <Stack gap="md" data-testid="plan-editor">
      <Paper>
        <Stack gap="xs">
          <TextInput
            label={t("plans.editor.title")}
            value={draft.title}
            onChange={(event) => setDraft({ ...draft, title: event.currentTarget.value })}
            error={errors.title}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t("plans.create.from")}
              value={draft.period.from}
              onChange={(event) =>
                setDraft({ ...draft, period: { ...draft.period, from: event.currentTarget.value } })
              }
              error={errors["period.from"]}
            />
            <TextInput
              type="date"
              label={t("plans.create.to")}
              value={draft.period.to}
              onChange={(event) =>
                setDraft({ ...draft, period: { ...draft.period, to: event.currentTarget.value } })
              }
              error={errors["period.to"]}
            />
          </Group>
        </Stack>
      </Paper>
      <Paper data-testid="editor-quality">
        <Title order={5} mb="xs">
          {t("plans.quality.liveTitle", {
            count: quality.filter((issue) => issue.severity === "warning").length,
          })}
        </Title>
        <QualityList issues={quality} />
      </Paper>
      {draft.sections.map((section, s) => (
        <Paper key={section.id} data-testid={`edit-section-${section.id}`}>
          <Stack gap="sm">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                w={90}
                label={t("plans.editor.sectionNumber")}
                value={section.number}
                onChange={(event) => setSection(section.id, { number: event.currentTarget.value })}
              />
              <TextInput
                style={{ flex: 1 }}
                label={t("plans.editor.sectionTitle")}
                value={section.title}
                onChange={(event) => setSection(section.id, { title: event.currentTarget.value })}
                error={errors[`sections.${s}.title`]}
              />
              <ActionIcon
                variant="subtle"
                aria-label={t("plans.editor.up")}
                onClick={() => setDraft(moveSection(draft, section.id, -1))}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={t("plans.editor.down")}
                onClick={() => setDraft(moveSection(draft, section.id, 1))}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("plans.editor.removeSection")}
                onClick={() =>
                  setDraft({ ...draft, sections: draft.sections.filter((item) => item.id !== section.id) })
                }
              >
                ×
              </ActionIcon>
            </Group>
            {section.activities.map((activity, a) => (
              <ActivityEditor
                key={activity.id}
                activity={activity}
                period={draft.period}
                options={detail.linkOptions}
                errors={activityErrors(errors, s, a)}
                onChange={(patch) => setDraft(patchActivity(draft, activity.id, patch))}
                onMove={(direction) => setDraft(moveActivity(draft, activity.id, direction))}
                onRemove={() => setDraft(removeActivity(draft, activity.id))}
              />
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                data-testid={`add-activity-${section.id}`}
                onClick={() =>
                  setSection(section.id, {
                    activities: [...section.activities, blankActivity(draft, section.id)],
                  })
                }
              >
                {t("plans.editor.addActivity")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            setDraft({
              ...draft,
              sections: [
                ...draft.sections,
                { id: freshId(draft, "s"), number: "", title: t("plans.editor.newSection"), activities: [] },
              ],
            })
          }
        >
          {t("plans.editor.addSection")}
        </Button>
        <Button variant="default" size="xs" onClick={() => setDraft(renumber(draft))}>
          {t("plans.editor.renumber")}
        </Button>
      </Group>
      {save.error && (
        <Alert color="red" variant="light" data-testid="plan-save-error">
          <Text size="sm">{save.error.message}</Text>
          <List size="sm">
            {Object.entries(errors).map(([path, message]) => (
              <List.Item key={path}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("common.cancel")}
        </Button>
        <Button onClick={onSave} loading={save.isPending} data-testid="plan-save">
          {t("common.save")}
        </Button>
      </Group>
    </Stack>
  );
}
