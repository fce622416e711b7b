import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActivityStatus, PlanInput } from "../../../core/plans";
import {
  overdueListSchema,
  type PlanDetail,
  planDetailSchema,
  planListSchema,
  planTemplateListSchema,
  planVersionViewSchema,
  programmeOptionsSchema,
} from "../../../shared/plans-api";
import type {
  CheckInInput,
  CreatePlanInput,
  PlanCommentInput,
  PlanListQuery,
  PlanOrderInput,
  PlanTransitionInput,
} from "../../../shared/plans-input";
import { apiGet, apiSend, toQuery } from "../../app/api-client";

const BASE = "/api/plans";

/** The plans in the user's scope, filtered. */
export function usePlans(query: PlanListQuery) {
  return useQuery({
    queryKey: ["plans", "list", query],
    queryFn: () => apiGet(`${BASE}${toQuery(query)}`, planListSchema),
  });
}

/** One plan as its page shows it. */
export function usePlan(id: number | null) {
  return useQuery({
    queryKey: ["plans", "detail", id],
    queryFn: () => apiGet(`${BASE}/${id}`, planDetailSchema),
    enabled: id !== null,
    meta: { isSilent: true },
  });
}

/** An old version of a plan, as it was written. */
export function usePlanVersion(id: number, version: number | null) {
  return useQuery({
    queryKey: ["plans", "version", id, version],
    queryFn: () => apiGet(`${BASE}/${id}/versions/${version}`, planVersionViewSchema),
    enabled: version !== null,
  });
}

/** The preloaded plan templates. */
export function usePlanTemplates() {
  return useQuery({
    queryKey: ["plans", "templates"],
    queryFn: () => apiGet(`${BASE}/templates`, planTemplateListSchema),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Overdue activities of approved plans in scope, optionally of a municipality or a region. */
export function useOverdue(params: { municipalityId?: number; regionId?: number }, enabled = true) {
  return useQuery({
    queryKey: ["plans", "overdue", params],
    queryFn: () => apiGet(`${BASE}/overdue${toQuery(params)}`, overdueListSchema),
    enabled,
  });
}

/** A school's confirmed causes of a year (the latest with causes by default) with the measures recommended for each. */
export function useProgrammeOptions(schoolId: number | null, year: number | undefined) {
  return useQuery({
    queryKey: ["plans", "programme-options", schoolId, year],
    queryFn: () => apiGet(`${BASE}/programme-options${toQuery({ schoolId, year })}`, programmeOptionsSchema),
    enabled: schoolId !== null,
  });
}

/** Creates a plan; the list is refreshed. Errors are shown by the dialog. */
export function useCreatePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePlanInput) => apiSend("POST", BASE, input, planDetailSchema),
    meta: { isSilent: true },
    onSuccess: (plan) => {
      client.setQueryData(["plans", "detail", plan.id], plan);
      void client.invalidateQueries({ queryKey: ["plans", "list"] });
    },
  });
}

/** A write on one plan that answers with the plan: the page shows the answer at once. */
function usePlanWrite<V>(id: number, send: (variables: V) => Promise<PlanDetail>, isSilent = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { isSilent },
    onSuccess: (plan) => {
      client.setQueryData(["plans", "detail", id], plan);
      void client.invalidateQueries({ queryKey: ["plans", "list"] });
      void client.invalidateQueries({ queryKey: ["plans", "overdue"] });
    },
  });
}

/** Saves the content of a draft or returned plan; errors are shown by the editor. */
export function useSavePlanContent(id: number) {
  return usePlanWrite(
    id,
    (input: PlanInput) => apiSend("PUT", `${BASE}/${id}/content`, input, planDetailSchema),
    true,
  );
}

/** Submits, returns, approves, locks or revises a plan. */
export function usePlanTransition(id: number) {
  return usePlanWrite(
    id,
    (input: PlanTransitionInput) => apiSend("POST", `${BASE}/${id}/transitions`, input, planDetailSchema),
    true,
  );
}

/** Adds a comment on the whole plan or an activity. */
export function usePlanComment(id: number) {
  return usePlanWrite(id, (input: PlanCommentInput) =>
    apiSend("POST", `${BASE}/${id}/comments`, input, planDetailSchema),
  );
}

/** Sets an activity's execution status. */
export function useActivityStatus(id: number) {
  return usePlanWrite(id, ({ activityId, status }: { activityId: string; status: ActivityStatus }) =>
    apiSend("PUT", `${BASE}/${id}/activities/${activityId}/state`, { status }, planDetailSchema),
  );
}

/** Adds a check-in to an activity; errors are shown by the dialog. */
export function useAddCheckIn(id: number) {
  return usePlanWrite(
    id,
    ({ activityId, input }: { activityId: string; input: CheckInInput }) =>
      apiSend("POST", `${BASE}/${id}/activities/${activityId}/check-ins`, input, planDetailSchema),
    true,
  );
}

/** Sets an activity's assignees. */
export function useSetAssignees(id: number) {
  return usePlanWrite(id, ({ activityId, userIds }: { activityId: string; userIds: number[] }) =>
    apiSend("PUT", `${BASE}/${id}/activities/${activityId}/assignees`, { userIds }, planDetailSchema),
  );
}

/** Fills a road map's order details; errors are shown by the form. */
export function useSavePlanOrder(id: number) {
  return usePlanWrite(
    id,
    (input: PlanOrderInput) => apiSend("PATCH", `${BASE}/${id}/order`, input, planDetailSchema),
    true,
  );
}
