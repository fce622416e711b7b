import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type DecisionPropose,
  decisionItemSchema,
  decisionsPageSchema,
  funnelSchema,
} from "../../../shared/decisions-api";
import { apiGet, apiSend, toQuery } from "../../app/api-client";

/** Which programme schools a page shows: a year (the server's default when none), a municipality, a region. */
export type ProgrammeQuery = {
  year: number | undefined;
  municipalityId: number | null;
  regionId: number | undefined;
};

/** The query string of a programme query. */
export function programmeQueryString(q: ProgrammeQuery): string {
  return toQuery({ year: q.year, municipalityId: q.municipalityId, regionId: q.regionId });
}

/** The programme's results and decisions of a year. */
export function useDecisions(q: ProgrammeQuery, enabled: boolean) {
  return useQuery({
    queryKey: ["decisions", q.year ?? null, q.municipalityId, q.regionId ?? null],
    queryFn: () => apiGet(`/api/decisions${programmeQueryString(q)}`, decisionsPageSchema),
    enabled,
    meta: { isSilent: true },
  });
}

/** The programme funnel of a year. */
export function useFunnel(q: ProgrammeQuery, enabled: boolean) {
  return useQuery({
    queryKey: ["programme", "funnel", q.year ?? null, q.municipalityId, q.regionId ?? null],
    queryFn: () => apiGet(`/api/programme/funnel${programmeQueryString(q)}`, funnelSchema),
    enabled,
    meta: { isSilent: true },
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ["decisions"] });
    void client.invalidateQueries({ queryKey: ["programme"] });
  };
}

/** The МОЦ proposes a decision; errors are shown by the form. */
export function useProposeDecision() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: DecisionPropose) => apiSend("POST", "/api/decisions", input, decisionItemSchema),
    meta: { isSilent: true },
    onSuccess: refresh,
  });
}

/** The region approves a decision or returns it with a message. */
export function useDecideDecision() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { id: number; action: "approve" | "return"; message?: string }) =>
      apiSend(
        "POST",
        `/api/decisions/${input.id}/${input.action}`,
        input.action === "return" ? { message: input.message ?? "" } : undefined,
        decisionItemSchema,
      ),
    onSuccess: refresh,
  });
}
