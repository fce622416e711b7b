import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { MappingSource } from "../../../shared/import-api";
import { can, useMe } from "../../app/session";
import { formatMoscowDateTime } from "../../components/format";
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

/** The import kind named in the address (`?kind=support_log` from the МОЦ log page), values by default. */
function parseKind(value: string | null): ImportKind {
  return value === "schools" || value === "support_log" ? value : "values";
}

/**
 * «Загрузка данных»: a file (XLSX or CSV) → the column mapping (remembered per file layout by the
 * last real import that succeeded — by whom and when is shown — or guessed) → a dry
 * run with new / changed / unchanged counts or the errors by row and column → the import itself,
 * with a progress bar polling the job. All or nothing: one error and nothing is written.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<ImportKind>(parseKind(params.get("kind")));
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<Record<string, unknown>>({});
  const [jobId, setJobId] = useState<number | null>(null);
  const [isEdited, setEdited] = useState(false);
  // The last upload of this page, replaced by the next one (uploads count against a quota).
  const lastUpload = useRef<string | undefined>(undefined);
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
      { file, kind, replaces: lastUpload.current },
      {
        onSuccess: (result) => {
          lastUpload.current = result.uploadId;
          setInspection(result);
          setEdited(false);
          setMapping((result.mapping ?? {}) as Record<string, unknown>);
        },
      },
    );
  };
  const sourceText = (source: MappingSource) => {
    if (source.kind !== "remembered") return t("import.mappingGuessed");
    const at = formatMoscowDateTime(source.at);
    return source.by
      ? t("import.mappingRememberedBy", { by: source.by, at })
      : t("import.mappingRemembered", { at });
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
      <PageHeader title={t("nav.import")} subtitle={t("import.subtitle")} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SegmentedControl
            value={kind}
            onChange={(value) => {
              setKind(parseKind(value));
              setInspection(null);
              setJobId(null);
            }}
            data={[
              { value: "values", label: t("import.kindValues") },
              { value: "schools", label: t("import.kindSchools") },
              ...(can(me, "support.log") ? [{ value: "support_log", label: t("support.navLog") }] : []),
            ]}
          />
          <Dropzone onDrop={onDrop} accept={ACCEPT} multiple={false} loading={upload.isPending}>
            <Stack align="center" gap={4} py="lg">
              <Text fw={500}>{t("import.dropTitle")}</Text>
              <Text size="sm" c="dimmed">
                {t("import.dropHint")}
              </Text>
            </Stack>
          </Dropzone>
          {upload.error && (
            <Alert color="red" title={t("import.uploadFailed")}>
              {upload.error.message}
            </Alert>
          )}
        </Stack>
      </Paper>
      {inspection && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={4}>{t("import.mappingTitle", { file: inspection.fileName })}</Title>
            <Text size="sm" c="dimmed" data-testid="mapping-source">
              {sourceText(inspection.mappingSource)}
              {isEdited ? t("import.mappingEdited") : ""}
              {inspection.sheet ? t("import.sheet", { sheet: inspection.sheet }) : ""}
            </Text>
            <MappingStep
              kind={kind}
              inspection={inspection}
              mapping={mapping}
              onChange={(next) => {
                setEdited(true);
                setMapping(next);
              }}
            />
            <Group>
              <Button
                variant="default"
                onClick={() => run(true)}
                loading={start.isPending}
                disabled={isRunning}
              >
                {t("import.dryRun")}
              </Button>
              <Button
                onClick={() => run(false)}
                loading={start.isPending}
                disabled={isRunning || !summary?.dryRun || summary.errorCount > 0}
              >
                {t("import.run")}
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
