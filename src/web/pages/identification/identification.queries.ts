import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  previewSchema,
  type ResultsCategoryFilter,
  type Run,
  ruleSetDetailSchema,
  ruleSetSummarySchema,
  runComparisonSchema,
  runResultsPageSchema,
  runSchema,
  runSummarySchema,
  schoolHistorySchema,
} from "../../../core/identification/api.schema";
import { type ApiRequestError, apiGet, apiSend, toQuery } from "../../app/api-client";
import { useWorkRegion } from "../../app/work-region";
import { useAnalyticsOptions } from "../analytics/analytics.queries";

const BASE = "/api/identification";

/** The rule sets of the region the user works in. */
export function useRuleSets() {
  const { regionId, isReady } = useWorkRegion();
  return useQuery({
    queryKey: ["identification", "rule-sets", regionId ?? "own"],
    queryFn: () => apiGet(`${BASE}/rule-sets${toQuery({ regionId })}`, z.array(ruleSetSummarySchema)),
    enabled: isReady,
  });
}

/** One rule set with its definition and versions. */
export function useRuleSet(id: number | null) {
  const { regionId, isReady } = useWorkRegion();
  return useQuery({
    queryKey: ["identification", "rule-set", id, regionId ?? "own"],
    queryFn: () => apiGet(`${BASE}/rule-sets/${id}${toQuery({ regionId })}`, ruleSetDetailSchema),
    enabled: id !== null && isReady,
  });
}

/** Saves a rule set: a new one (id null) or a new version of an existing one. */
export function useSaveRuleSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, definition }: { id: number | null; definition: unknown }) =>
      id === null
        ? apiSend("POST", `${BASE}/rule-sets`, { definition }, ruleSetDetailSchema)
        : apiSend("PUT", `${BASE}/rule-sets/${id}`, { definition }, ruleSetDetailSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["identification"] }),
  });
}

/** Turns a rule set on or off. */
export function useSetRuleSetActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: number; isActive: boolean }) =>
      apiSend("PATCH", `${BASE}/rule-sets/${id}`, { isActive }, ruleSetDetailSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["identification"] }),
  });
}

/** Deletes a rule set; runs made with it keep their copy. */
export function useDeleteRuleSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend("DELETE", `${BASE}/rule-sets/${id}`, undefined, z.unknown()),
    // Only the list: the deleted set's own query would refetch into a 404 while its editor closes.
    onSuccess: () => client.invalidateQueries({ queryKey: ["identification", "rule-sets"] }),
  });
}

/** Live preview of a definition for a year; nothing is fetched while the definition is null. */
export function usePreview(definition: unknown, year: number | null) {
  const { regionId, isReady } = useWorkRegion();
  return useQuery({
    queryKey: ["identification", "preview", definition, year, regionId ?? "own"],
    queryFn: () => apiSend("POST", `${BASE}/preview`, { definition, year, regionId }, previewSchema),
    enabled: definition !== null && year !== null && isReady,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The runs the user may see in the region they work in, newest first. */
export function useRuns() {
  const { regionId, isReady } = useWorkRegion();
  return useQuery({
    queryKey: ["identification", "runs", regionId ?? "own"],
    queryFn: () => apiGet(`${BASE}/runs${toQuery({ regionId })}`, z.array(runSchema)),
    enabled: isReady,
  });
}

/** Starts a run over every school of the region as a job; resolves with the job's id. */
export function useStartRun() {
  return useMutation({
    mutationFn: (input: { ruleSetIds: number[]; year: number }) =>
      apiSend("POST", `${BASE}/runs`, input, z.object({ jobId: z.number() })),
  });
}

/** The job of a run as the server reports it: stage, schools done of total, and the run id when done. */
const runJobSchema = z.object({
  id: z.number(),
  status: z.enum(["created", "running", "done", "failed"]),
  stage: z.string().nullable(),
  done: z.number(),
  total: z.number(),
  result: z.object({ runId: z.number() }).nullable(),
  error: z.string().nullable(),
});

/** A run's job. */
export type RunJob = z.infer<typeof runJobSchema>;

/** A run's job, polled twice a second until it is done or failed. */
export function useRunJob(jobId: number | null) {
  return useQuery({
    queryKey: ["job", jobId],
    enabled: jobId !== null,
    queryFn: () => apiGet(`/api/jobs/${jobId}`, runJobSchema),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "done" || status === "failed" ? false : 500;
    },
  });
}

/** Approves a run. */
export function useApproveRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend("POST", `${BASE}/runs/${id}/approve`, undefined, runSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["identification"] }),
  });
}

/** Withdraws a run's approval with a reason; the error (e.g. no reason) is shown by the dialog. */
export function useWithdrawRun() {
  const client = useQueryClient();
  return useMutation<Run, ApiRequestError, { id: number; reason: string }>({
    mutationFn: ({ id, reason }) => apiSend("POST", `${BASE}/runs/${id}/withdraw`, { reason }, runSchema),
    meta: { isSilent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ["identification"] }),
  });
}

/** What the results table asks for: filters, search and the page (see resultsQuerySchema). */
export type ResultsRequest = {
  municipalityId?: number;
  category: ResultsCategoryFilter;
  riskFlag?: string;
  anyRiskFlag?: boolean;
  q?: string;
  page: number;
  pageSize: number;
};

/** One page of a run's results, filtered on the server; the previous page stays shown while the next loads. */
export function useRunResults(id: number | null, request: ResultsRequest) {
  return useQuery({
    queryKey: ["identification", "results", id, request],
    queryFn: () =>
      apiGet(
        `${BASE}/runs/${id}/results${toQuery({ ...request, anyRiskFlag: request.anyRiskFlag ? "true" : undefined })}`,
        runResultsPageSchema,
      ),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

/** A run's region and municipality summary. */
export function useRunSummary(id: number | null) {
  return useQuery({
    queryKey: ["identification", "summary", id],
    queryFn: () => apiGet(`${BASE}/runs/${id}/summary`, runSummarySchema),
    enabled: id !== null,
  });
}

/** Comparison of two runs. */
export function useRunComparison(before: number | null, after: number | null) {
  return useQuery({
    queryKey: ["identification", "compare", before, after],
    queryFn: () => apiGet(`${BASE}/compare${toQuery({ before, after })}`, runComparisonSchema),
    enabled: before !== null && after !== null,
  });
}

/** A school's categories over the years. */
export function useSchoolHistory(schoolId: number) {
  return useQuery({
    queryKey: ["identification", "school", schoolId],
    queryFn: () => apiGet(`/api/schools/${schoolId}/identification`, schoolHistorySchema),
  });
}

/**
 * The default year of a run and of the preview in the region the user works in: the latest year with
 * data for most of its schools (see the server's defaultDataYear), or undefined while loading or when
 * the region has no values at all.
 */
export function useLatestDataYear(): number | undefined {
  return useAnalyticsOptions().data?.defaultYear ?? undefined;
}
