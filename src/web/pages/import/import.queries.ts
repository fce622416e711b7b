import { useMutation, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { type ImportSummary, inspectionSchema, summarySchema } from "../../../shared/import-api";
import { ApiRequestError, apiGet, apiSend } from "../../app/api-client";

/** What is imported. */
export type ImportKind = "values" | "schools" | "support_log";

export type { ImportChange, ImportIssue, ImportSummary, Inspection } from "../../../shared/import-api";

const jobSchema = z.object({
  id: z.number(),
  status: z.enum(["created", "running", "done", "failed"]),
  done: z.number(),
  total: z.number(),
  result: z.unknown(),
  error: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** Uploads a file (multipart, with the CSRF header), replacing the previous upload, and returns the inspection. */
export function useUpload(csrfToken: string) {
  return useMutation({
    mutationFn: async ({ file, kind, replaces }: { file: File; kind: ImportKind; replaces?: string }) => {
      const form = new FormData();
      form.append("file", file);
      // The previous upload of this page is replaced (removed on the server): it holds the user's quota.
      const query = new URLSearchParams({ kind, ...(replaces ? { replaces } : {}) });
      const response = await fetch(`/api/import/uploads?${query}`, {
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
