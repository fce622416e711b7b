import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import { useState } from "react";
import { useMe } from "../../app/session";
import { PageHeader } from "../../components/page-header";
import {
  type ImportKind,
  type Inspection,
  jobSummary,
  useJob,
  useStartImport,
  useUpload,
} from "./import.queries";
import { ImportResult, JobProgress } from "./import-result";
import { MappingStep } from "./mapping-step";

const ACCEPT = [
  "text/csv",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
];

/**
 * «Загрузка данных»: a file (XLSX or CSV) → the column mapping (remembered per file layout) → a dry
 * run with new / changed / unchanged counts or the errors by row and column → the import itself,
 * with a progress bar polling the job. All or nothing: one error and nothing is written.
 */
export function ImportPage() {
  const me = useMe();
  const [kind, setKind] = useState<ImportKind>("values");
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<Record<string, unknown>>({});
  const [jobId, setJobId] = useState<number | null>(null);
  const upload = useUpload(me.csrfToken);
  const start = useStartImport();
  const job = useJob(jobId);
  const summary = jobSummary(job.data);
  const isRunning = job.data?.status === "created" || job.data?.status === "running";

  const onDrop = (files: File[]) => {
    const [file] = files;
    if (!file) return;
    setJobId(null);
    upload.mutate(
      { file, kind },
      {
        onSuccess: (result) => {
          setInspection(result);
          setMapping((result.mapping ?? {}) as Record<string, unknown>);
        },
      },
    );
  };
  const run = (dryRun: boolean) => {
    if (!inspection) return;
    const { year, ...rest } = mapping as { year?: number };
    start.mutate(
      {
        uploadId: inspection.uploadId,
        kind,
        mapping: kind === "values" ? { ...rest, year } : mapping,
        year,
        dryRun,
      },
      { onSuccess: ({ jobId: id }) => setJobId(id) },
    );
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Загрузка данных"
        subtitle="Значения показателей или реестр школ из XLSX или CSV: всё или ничего"
      />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SegmentedControl
            value={kind}
            onChange={(value) => {
              setKind(value === "schools" ? "schools" : "values");
              setInspection(null);
              setJobId(null);
            }}
            data={[
              { value: "values", label: "Значения показателей" },
              { value: "schools", label: "Реестр школ" },
            ]}
          />
          <Dropzone onDrop={onDrop} accept={ACCEPT} multiple={false} loading={upload.isPending}>
            <Stack align="center" gap={4} py="lg">
              <Text fw={500}>Перетащите файл сюда или нажмите, чтобы выбрать</Text>
              <Text size="sm" c="dimmed">
                XLSX или CSV (UTF-8 или Windows-1251, разделитель «;» или «,»)
              </Text>
            </Stack>
          </Dropzone>
          {upload.error && (
            <Alert color="red" title="Файл не прочитан">
              {upload.error.message}
            </Alert>
          )}
        </Stack>
      </Paper>
      {inspection && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={4}>Сопоставление столбцов: {inspection.fileName}</Title>
            <Text size="sm" c="dimmed">
              {inspection.remembered
                ? "Сопоставление для файлов такого вида запомнено с прошлой загрузки."
                : "Сопоставление предложено по названиям столбцов — проверьте его."}
              {inspection.sheet ? ` Лист: «${inspection.sheet}».` : ""}
            </Text>
            <MappingStep kind={kind} inspection={inspection} mapping={mapping} onChange={setMapping} />
            <Group>
              <Button
                variant="default"
                onClick={() => run(true)}
                loading={start.isPending}
                disabled={isRunning}
              >
                Проверить (ничего не записывая)
              </Button>
              <Button
                onClick={() => run(false)}
                loading={start.isPending}
                disabled={isRunning || !summary?.dryRun || summary.errorCount > 0}
              >
                Загрузить
              </Button>
            </Group>
            {start.error && <Alert color="red">{start.error.message}</Alert>}
          </Stack>
        </Paper>
      )}
      {job.data && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <JobProgress job={job.data} />
            {summary && <ImportResult summary={summary} />}
            {!summary && job.data.status === "failed" && <Alert color="red">{job.data.error}</Alert>}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
