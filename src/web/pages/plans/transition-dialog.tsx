import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PLAN_ACTION_LABELS, type PlanAction } from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import { activitiesOf, activityName } from "./plan-format";
import { usePlanTransition } from "./plans.queries";
import { QualityList } from "./quality-panel";

type ActivityComment = { key: number; activityId: string | null; text: string };

function ReturnFields({
  plan,
  overall,
  onOverall,
  items,
  onItems,
}: {
  plan: PlanDetail;
  overall: string;
  onOverall: (text: string) => void;
  items: ActivityComment[];
  onItems: (items: ActivityComment[]) => void;
}) {
  const { t } = useTranslation();
  const options = activitiesOf(plan.content).map((activity) => ({
    value: activity.id,
    label: activityName(activity),
  }));
  return (
    <Stack gap="xs">
      <Textarea
        label={t("plans.transition.overall")}
        autosize
        minRows={3}
        value={overall}
        onChange={(event) => onOverall(event.currentTarget.value)}
        data-testid="return-overall"
        data-autofocus
      />
      {items.map((item, index) => (
        <Group key={item.key} align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={4} style={{ flex: 1 }}>
            <Select
              placeholder={t("plans.transition.activity")}
              searchable
              value={item.activityId}
              onChange={(activityId) =>
                onItems(items.map((x, i) => (i === index ? { ...x, activityId } : x)))
              }
              data={options}
            />
            <Textarea
              autosize
              minRows={2}
              placeholder={t("plans.transition.activityComment")}
              value={item.text}
              onChange={(event) => {
                const text = event.currentTarget.value;
                onItems(items.map((x, i) => (i === index ? { ...x, text } : x)));
              }}
            />
          </Stack>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t("plans.editor.remove")}
            onClick={() => onItems(items.filter((_, i) => i !== index))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            onItems([...items, { key: (items.at(-1)?.key ?? 0) + 1, activityId: null, text: "" }])
          }
        >
          {t("plans.transition.addActivityComment")}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Asks before a transition: submit shows the quality warnings the reviewer will see, return takes
 * the reviewer's remarks (on the whole and per activity), revise a reason; approve and lock confirm.
 */
export function TransitionDialog({
  plan,
  action,
  onClose,
}: {
  plan: PlanDetail;
  action: PlanAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const move = usePlanTransition(plan.id);
  const [overall, setOverall] = useState("");
  const [items, setItems] = useState<ActivityComment[]>([]);
  const [reason, setReason] = useState("");
  const warnings = plan.quality.filter((issue) => issue.severity === "warning");
  const onConfirm = () => {
    const activities = items.flatMap((item) =>
      item.activityId && item.text.trim() ? [{ activityId: item.activityId, text: item.text }] : [],
    );
    const input =
      action === "return"
        ? { action, comments: { overall, activities } }
        : action === "revise"
          ? { action, reason }
          : { action };
    move.mutate(input, { onSuccess: onClose });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={PLAN_ACTION_LABELS[action]}
      size={action === "return" || action === "submit" ? "lg" : "md"}
      centered
    >
      <Stack>
        <Text size="sm">{t(`plans.transition.confirm.${action}`)}</Text>
        {action === "submit" && warnings.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            title={t("plans.quality.summary", { count: warnings.length })}
            data-testid="submit-warnings"
          >
            <QualityList issues={warnings} />
          </Alert>
        )}
        {action === "return" && (
          <ReturnFields
            plan={plan}
            overall={overall}
            onOverall={setOverall}
            items={items}
            onItems={setItems}
          />
        )}
        {action === "revise" && (
          <Textarea
            label={t("plans.transition.reason")}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-testid="revise-reason"
            data-autofocus
          />
        )}
        {move.error && (
          <Alert color="red" variant="light" data-testid="transition-error">
            {move.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={onConfirm}
            loading={move.isPending}
            color={action === "return" ? "orange" : undefined}
            data-testid="transition-confirm"
          >
            {PLAN_ACTION_LABELS[action]}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
