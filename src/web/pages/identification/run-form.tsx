import { Alert, Button, Group, MultiSelect, NumberInput, Paper, Stack } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLatestDataYear, useRuleSets, useStartRun } from "./identification.queries";
import { RunProgress } from "./run-progress";

/**
 * Starts a run: rule sets (default: every active one) and a year. The run works as a job: its
 * progress shows under the form, and when it is done the new run's id is passed to `onStarted`.
 */
export function RunForm({ onStarted }: { onStarted: (runId: number) => void }) {
  const { t } = useTranslation();
  const ruleSets = useRuleSets();
  const start = useStartRun();
  const [ids, setIds] = useState<string[]>([]);
  const latestYear = useLatestDataYear();
  const [chosenYear, setYear] = useState<number | null>(null);
  const [job, setJob] = useState<{ id: number; isFailed: boolean } | null>(null);
  const onDone = useCallback(
    (runId: number) => {
      setJob(null);
      onStarted(runId);
    },
    [onStarted],
  );
  const onFailed = useCallback(() => setJob((current) => current && { ...current, isFailed: true }), []);
  const year = chosenYear ?? latestYear ?? new Date().getFullYear();
  const choices = (ruleSets.data ?? []).map((r) => ({
    value: String(r.id),
    label: `${r.name} (${t("identification.version")} ${r.version})`,
    disabled: !r.isActive,
  }));
  const run = () =>
    start.mutate(
      {
        ruleSetIds:
          ids.length > 0 ? ids.map(Number) : (ruleSets.data ?? []).filter((r) => r.isActive).map((r) => r.id),
        year,
      },
      {
        onSuccess: (started) => setJob({ id: started.jobId, isFailed: false }),
      },
    );
  return (
    <Paper>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect
            label={t("identification.ruleSets")}
            placeholder={t("identification.ruleSetsHint")}
            data={choices}
            value={ids}
            onChange={setIds}
            w={520}
            clearable
            data-testid="run-rule-sets"
          />
          <NumberInput
            label={t("identification.year")}
            value={year}
            onChange={(value) => setYear(Number(value))}
            min={2000}
            max={2100}
            w={110}
            data-testid="run-year"
          />
          <Button
            onClick={run}
            // the default is every active rule set: not known until the list has loaded
            disabled={ruleSets.data === undefined}
            loading={start.isPending || (job !== null && !job.isFailed)}
            data-testid="run-start"
          >
            {t("identification.run")}
          </Button>
        </Group>
        {job && <RunProgress key={job.id} jobId={job.id} onDone={onDone} onFailed={onFailed} />}
        {start.isError && (
          <Alert color="red" title={t("identification.runFailed")}>
            {start.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
