import { Alert, Group, Progress, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { refreshQueries } from "../../app/refresh-queries";
import { useRunJob } from "./identification.queries";

/**
 * The progress of a run's job while it works (stage and schools done of total, polled), and its
 * end: the run's id to `onDone`, or the Russian message of a failure (and `onFailed`).
 */
export function RunProgress({
  jobId,
  onDone,
  onFailed,
}: {
  jobId: number;
  onDone: (runId: number) => void;
  onFailed: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const job = useRunJob(jobId);
  const state = job.data;
  const runId = state?.status === "done" ? (state.result?.runId ?? null) : null;
  useEffect(() => {
    if (runId === null) return;
    // The runs list may still be on its first load, asked before the run was stored: refresh, not invalidate.
    void refreshQueries(client, { queryKey: ["identification"] });
    onDone(runId);
  }, [runId, client, onDone]);
  const isFailed = state?.status === "failed";
  useEffect(() => {
    if (isFailed) onFailed();
  }, [isFailed, onFailed]);
  if (job.isError) return <Alert color="red">{job.error.message}</Alert>;
  if (state?.status === "failed") {
    return (
      <Alert color="red" title={t("identification.runFailed")} data-testid="run-failed">
        {state.error}
      </Alert>
    );
  }
  const percent = state && state.total > 0 ? Math.round((100 * state.done) / state.total) : 0;
  const label = state?.status === "created" || !state ? t("identification.runQueued") : state.stage;
  return (
    <Stack gap={4} data-testid="run-progress">
      <Group justify="space-between">
        <Text size="sm">{label ?? t("identification.runStarting")}</Text>
        {state && state.total > 0 && (
          <Text size="sm" c="dimmed">
            {t("identification.runProgress", {
              done: state.done.toLocaleString("ru-RU"),
              total: state.total.toLocaleString("ru-RU"),
            })}
          </Text>
        )}
      </Group>
      <Progress value={percent} animated striped size="lg" aria-label={label ?? ""} />
    </Stack>
  );
}
