import { useMutation, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { ApiRequestError, apiGet, apiSend } from "../../app/api-client";

/** What is imported. */
export type ImportKind = "values" | "schools";

/** The server's answer to an upload: the columns, first rows and proposed mapping. */
export const inspectionSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  format: z.string(),
  sheet: z.string().nullable(),
  header: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  mapping: z.unknown(),
  remembered: z.boolean(),
  unmappedColumns: z.array(z.string()),
  indicators: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Inspection = z.infer<typeof inspectionSchema>;

/** One error of an import: row and column where known. */
export const importIssueSchema = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** A value a dry run would create (oldValue null) or change. */
export const importChangeSchema = z.object({
  row: z.number(),
  level: z.enum(["school", "municipality"]),
  code: z.string(),
  name: z.string(),
  indicatorCode: z.string(),
  year: z.number(),
  oldValue: z.number().nullable(),
  newValue: z.number(),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

/** The summary an import job leaves in its result. */
export const summarySchema = z.object({
  jobId: z.number(),
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(importIssueSchema),
  errorCount: z.number(),
  /** A dry run: the first new or changed values (their total is created + updated). */
  changes: z.array(importChangeSchema).optional(),
});
export type ImportSummary = z.infer<typeof summarySchema>;

const jobSchema = z.object({
  id: z.number(),
  status: z.enum(["created", "running", "done", "failed"]),
  done: z.number(),
  total: z.number(),
  result: z.unknown(),
  error: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** Uploads a file (multipart, with the CSRF header) and returns the inspection. */
export function useUpload(csrfToken: string) {
  return useMutation({
    mutationFn: async ({ file, kind }: { file: File; kind: ImportKind }) => {
      const form = new FormData();
      form.append("file", file);
      const response = await fetch(`/api/import/uploads?kind=${kind}`, {
        method: "POST",
        body: form,
        credentials: "same-origin",
        headers: { "x-csrf-token": csrfToken, accept: "application/json" },
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        throw new ApiRequestError(response.status, {
          error: body?.error ?? "http_error",
          message: body?.message ?? `Ошибка ${response.status}`,
          issues: body?.issues ?? [],
        });
      }
      return inspectionSchema.parse(body);
    },
  });
}

/** Starts an import job (dry run or real) for an uploaded file. */
export function useStartImport() {
  return useMutation({
    mutationFn: (input: {
      uploadId: string;
      kind: ImportKind;
      mapping: unknown;
      year?: number;
      dryRun: boolean;
    }) => apiSend("POST", "/api/import/runs", input, z.object({ jobId: z.number() })),
  });
}

/** A job, polled twice a second until it is done or failed. */
export function useJob(jobId: number | null) {
  return useQuery({
    queryKey: ["job", jobId],
    enabled: jobId !== null,
    queryFn: () => apiGet(`/api/jobs/${jobId}`, jobSchema),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "done" || status === "failed" ? false : 500;
    },
  });
}

/** The summary in a finished job's result, if it has one. */
export function jobSummary(job: Job | undefined): ImportSummary | null {
  const parsed = summarySchema.safeParse(job?.result);
  return parsed.success ? parsed.data : null;
}
