import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type MocReportPatch,
  mocReportDetailSchema,
  mocReportListSchema,
  qualityFlagsSchema,
} from "../../../shared/quality-api";
import { ApiRequestError, apiGet, apiSend, toQuery } from "../../app/api-client";

/** The flags of a year (the region page). */
export function useQualityFlags(params: {
  year: number;
  regionId: number | undefined;
  threshold: number;
  enabled: boolean;
}) {
  const { enabled, ...query } = params;
  return useQuery({
    queryKey: ["quality", "flags", query],
    queryFn: () => apiGet(`/api/quality/flags${toQuery(query)}`, qualityFlagsSchema),
    enabled,
  });
}

/** The МОЦ reports of a year. */
export function useMocReports(params: { year: number; regionId: number | undefined; enabled: boolean }) {
  const { enabled, ...query } = params;
  return useQuery({
    queryKey: ["quality", "reports", query],
    queryFn: () => apiGet(`/api/quality/moc-reports${toQuery(query)}`, mocReportListSchema),
    enabled,
  });
}

/** One МОЦ report with its flags. */
export function useMocReport(id: number) {
  return useQuery({
    queryKey: ["quality", "report", id],
    queryFn: () => apiGet(`/api/quality/moc-reports/${id}`, mocReportDetailSchema),
  });
}

/** Creates the МОЦ's report of a year. */
export function useCreateMocReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) =>
      apiSend("POST", "/api/quality/moc-reports", { year }, mocReportDetailSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["quality"] }),
  });
}

/** Saves a change of a report. */
export function useUpdateMocReport(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: MocReportPatch) =>
      apiSend("PATCH", `/api/quality/moc-reports/${id}`, patch, mocReportDetailSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["quality"] }),
  });
}

/** Deletes a report. */
export function useDeleteMocReport(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend("DELETE", `/api/quality/moc-reports/${id}`, undefined, z.object({ id: z.number() })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["quality"] }),
  });
}

/** Replaces a report's text by a DOCX's (multipart, with the CSRF header). */
export function useUploadMocReportDocx(id: number, csrfToken: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append("file", file);
      const response = await fetch(`/api/quality/moc-reports/${id}/docx`, {
        method: "PUT",
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
      return mocReportDetailSchema.parse(body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["quality"] }),
  });
}
