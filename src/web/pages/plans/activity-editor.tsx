import {
  ActionIcon,
  Button,
  Collapse,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type PlanInput, type PlanPeriod, readDeadline } from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import type { FieldErrors } from "../../components/form-errors";
import { deadlineReading } from "./plan-format";

/** An activity as the editor holds it: the deadline as text. */
export type EditedActivity = PlanInput["sections"][number]["activities"][number];

/** Props of one activity's editor. */
export type ActivityEditorProps = {
  activity: EditedActivity;
  period: PlanPeriod;
  options: PlanDetail["linkOptions"];
  /** Errors of this activity's fields, keyed by field («title», «indicator.target»). */
  errors: FieldErrors;
  onChange: (patch: Partial<EditedActivity>) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
};

const numberOrNull = (value: string | number): number | null => (typeof value === "number" ? value : null);

/**
 * One activity in the editor: number, title, deadline text with its reading beside it, owners, the
 * implementation indicator (text, catalogue indicator, baseline, target, year), links to causes and
 * measures; move up or down, remove.
 */
export function ActivityEditor({
  activity,
  period,
  options,
  errors,
  onChange,
  onMove,
  onRemove,
}: ActivityEditorProps) {
  const { t } = useTranslation();
  const reading = readDeadline(activity.deadlineText, period);
  const hasDetailErrors = Object.keys(errors).some((key) => key.startsWith("indicator"));
  const [isOpen, setOpen] = useState(hasDetailErrors);
  const indicator = activity.indicator;
  const setIndicator = (patch: Partial<EditedActivity["indicator"]>) =>
    onChange({ indicator: { ...indicator, ...patch } });
  return (
    <Paper withBorder p="sm" data-testid={`edit-activity-${activity.id}`}>
      <Stack gap="xs">
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            w={80}
            aria-label={t("plans.editor.number")}
            value={activity.number}
            onChange={(event) => onChange({ number: event.currentTarget.value })}
            error={errors.number}
          />
          <Textarea
            style={{ flex: 1 }}
            aria-label={t("plans.editor.activityTitle")}
            placeholder={t("plans.editor.activityTitle")}
            autosize
            minRows={1}
            value={activity.title}
            onChange={(event) => onChange({ title: event.currentTarget.value })}
            error={errors.title}
            data-testid="activity-title"
          />
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" aria-label={t("plans.editor.up")} onClick={() => onMove(-1)}>
              ↑
            </ActionIcon>
            <ActionIcon variant="subtle" aria-label={t("plans.editor.down")} onClick={() => onMove(1)}>
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("plans.editor.remove")}
              onClick={onRemove}
              data-testid="activity-remove"
            >
              ×
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          <Stack gap={2}>
            <Textarea
              label={t("plans.editor.deadline")}
              autosize
              minRows={1}
              value={activity.deadlineText}
              onChange={(event) => onChange({ deadlineText: event.currentTarget.value })}
              error={errors.deadlineText}
              data-testid="activity-deadline"
            />
            <Text
              size="xs"
              c={reading.kind === "unreadable" ? "orange.8" : "dimmed"}
              data-testid="activity-deadline-reading"
            >
              {deadlineReading(reading, t)}
            </Text>
          </Stack>
          <TagsInput
            label={t("plans.editor.owners")}
            description={t("plans.editor.ownersHint")}
            value={activity.owners}
            onChange={(owners) => onChange({ owners })}
            error={errors.owners}
            data-testid="activity-owners"
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setOpen(!isOpen)}
            data-testid="activity-details"
          >
            {isOpen ? t("plans.editor.hideDetails") : t("plans.editor.showDetails")}
          </Button>
          {!isOpen && (
            <Text size="xs" c="dimmed">
              {t("plans.editor.detailsSummary", {
                indicator:
                  options.indicators.find((item) => item.code === indicator.code)?.name ??
                  (indicator.text || "—"),
                causes: activity.causeCodes.length,
                measures: activity.measureCodes.length,
              })}
            </Text>
          )}
        </Group>
        <Collapse expanded={isOpen}>
          <Stack gap="xs">
            <Textarea
              label={t("plans.editor.indicatorText")}
              autosize
              minRows={1}
              value={indicator.text}
              onChange={(event) => setIndicator({ text: event.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
              <Select
                label={t("plans.editor.indicatorCode")}
                searchable
                clearable
                value={indicator.code}
                onChange={(code) => setIndicator({ code })}
                data={options.indicators.map((item) => ({ value: item.code, label: item.name }))}
                data-testid="activity-indicator"
              />
              <NumberInput
                label={t("plans.editor.baseline")}
                decimalSeparator=","
                value={indicator.baseline ?? ""}
                onChange={(value) => setIndicator({ baseline: numberOrNull(value) })}
                error={errors["indicator.baseline"]}
              />
              <NumberInput
                label={t("plans.editor.target")}
                decimalSeparator=","
                value={indicator.target ?? ""}
                onChange={(value) => setIndicator({ target: numberOrNull(value) })}
                error={errors["indicator.target"]}
                data-testid="activity-target"
              />
              <NumberInput
                label={t("plans.editor.targetYear")}
                allowDecimal={false}
                value={indicator.year ?? ""}
                onChange={(value) => setIndicator({ year: numberOrNull(value) })}
                error={errors["indicator.year"]}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
              <MultiSelect
                label={t("plans.editor.causes")}
                searchable
                value={activity.causeCodes}
                onChange={(causeCodes) => onChange({ causeCodes })}
                data={options.causes.map((item) => ({ value: item.code, label: item.title }))}
                data-testid="activity-causes"
              />
              <MultiSelect
                label={t("plans.editor.measures")}
                searchable
                value={activity.measureCodes}
                onChange={(measureCodes) => onChange({ measureCodes })}
                data={options.measures.map((item) => ({ value: item.code, label: item.title }))}
              />
            </SimpleGrid>
          </Stack>
        </Collapse>
      </Stack>
    </Paper>
  );
}
