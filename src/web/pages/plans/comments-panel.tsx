import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanComment, PlanDetail } from "../../../shared/plans-api";
import { formatMoscowDateTime } from "../../components/format";
import { activitiesOf, activityName } from "./plan-format";
import { usePlanComment } from "./plans.queries";

function Thread({ title, comments }: { title: string; comments: PlanComment[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Text fw={600} size="sm" mb={6}>
        {title}
      </Text>
      <Stack gap={8}>
        {comments.map((comment) => (
          <Stack key={comment.id} gap={2} data-testid={`comment-${comment.id}`}>
            <Group gap={6}>
              <Badge size="xs" variant="light" color={comment.side === "reviewer" ? "orange" : "blue"}>
                {comment.side === "reviewer" ? t("plans.comments.reviewer") : t("plans.comments.author")}
              </Badge>
              <Text size="xs" c="dimmed">
                {comment.authorName} · {formatMoscowDateTime(comment.createdAt)} ·{" "}
                {t("plans.versionShort", { version: comment.version })}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: "pre-line" }}>
              {comment.body}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * Review comments on the whole plan and per activity, each thread with the reviewer's remarks and the
 * author's answers in order; a form to add one when the user is the plan's author or reviewer.
 */
export function CommentsPanel({ plan, activityId }: { plan: PlanDetail; activityId?: string | null }) {
  const { t } = useTranslation();
  const add = usePlanComment(plan.id);
  const [target, setTarget] = useState<string | null>(activityId ?? null);
  const [body, setBody] = useState("");
  const activities = activitiesOf(plan.content);
  const overall = plan.comments.filter((comment) => comment.activityId === null);
  const threads = activities.flatMap((activity) => {
    const comments = plan.comments.filter((comment) => comment.activityId === activity.id);
    return comments.length > 0 ? [{ activity, comments }] : [];
  });
  return (
    <Stack gap="md" data-testid="comments-panel">
      {plan.comments.length === 0 && (
        <Text c="dimmed" size="sm">
          {t("plans.comments.none")}
        </Text>
      )}
      {overall.length > 0 && <Thread title={t("plans.comments.overall")} comments={overall} />}
      {threads.map(({ activity, comments }) => (
        <Thread key={activity.id} title={activityName(activity)} comments={comments} />
      ))}
      {plan.permissions.canComment && (
        <Paper>
          <Title order={5} mb="xs">
            {plan.sides.includes("reviewer") ? t("plans.comments.addRemark") : t("plans.comments.addAnswer")}
          </Title>
          <Stack gap="xs">
            <Select
              aria-label={t("plans.comments.target")}
              value={target ?? "plan"}
              onChange={(value) => setTarget(value === "plan" || value === null ? null : value)}
              allowDeselect={false}
              searchable
              data={[
                { value: "plan", label: t("plans.comments.overall") },
                ...activities.map((activity) => ({ value: activity.id, label: activityName(activity) })),
              ]}
              data-testid="comment-target"
            />
            <Textarea
              autosize
              minRows={2}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              data-testid="comment-text"
            />
            <Group justify="flex-end">
              <Button
                onClick={() => add.mutate({ activityId: target, body }, { onSuccess: () => setBody("") })}
                loading={add.isPending}
                disabled={body.trim() === ""}
                data-testid="comment-add"
              >
                {t("plans.comments.send")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
