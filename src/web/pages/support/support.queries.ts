import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { LogEntryInput } from "../../../core/support";
import {
  type LogQuery,
  logEntrySchema,
  logListSchema,
  type RequestDetail,
  requestDetailSchema,
  requestListSchema,
  specialistOptionsSchema,
} from "../../../shared/support-api";
import { apiGet, apiSend, toQuery } from "../../app/api-client";

/** The МОЦ log with its filters. */
export function useSupportLog(query: Partial<LogQuery>) {
  return useQuery({
    queryKey: ["support", "log", query],
    queryFn: () => apiGet(`/api/support/log${toQuery(query)}`, logListSchema),
  });
}

/** Adds (id null) or rewrites an entry of the log; errors are shown by the form. */
export function useSaveLogEntry(id: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LogEntryInput) =>
      id === null
        ? apiSend("POST", "/api/support/log", input, logEntrySchema)
        : apiSend("PUT", `/api/support/log/${id}`, input, logEntrySchema),
    meta: { isSilent: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: ["support", "log"] }),
  });
}

/** Deletes an entry of the log. */
export function useDeleteLogEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiSend("DELETE", `/api/support/log/${id}`, undefined, z.object({ ok: z.literal(true) })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["support", "log"] }),
  });
}

/** The specialist requests the user sees. */
export function useRequests(query: { status?: string; overdue?: "true" }) {
  return useQuery({
    queryKey: ["support", "requests", query],
    queryFn: () => apiGet(`/api/support/requests${toQuery(query)}`, requestListSchema),
  });
}

/** One request with its records. */
export function useRequest(id: number | null) {
  return useQuery({
    queryKey: ["support", "request", id],
    queryFn: () => apiGet(`/api/support/requests/${id}`, requestDetailSchema),
    enabled: id !== null,
    meta: { isSilent: true },
  });
}

/** The specialists a request may be given to. */
export function useSpecialistOptions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ["support", "request", id, "specialists"],
    queryFn: () => apiGet(`/api/support/requests/${id}/specialists`, specialistOptionsSchema),
    enabled,
  });
}

/** Files a request; the list is refreshed. */
export function useFileRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { schoolId: number; specialistKind: string; target: string; reason: string }) =>
      apiSend("POST", "/api/support/requests", input, requestDetailSchema),
    meta: { isSilent: true },
    onSuccess: (request) => {
      client.setQueryData(["support", "request", request.id], request);
      void client.invalidateQueries({ queryKey: ["support", "requests"] });
    },
  });
}

/** A write on one request that answers with it: assign, record, complete. */
export function useRequestWrite<V>(id: number, send: (variables: V) => Promise<RequestDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    meta: { isSilent: true },
    onSuccess: (request) => {
      client.setQueryData(["support", "request", id], request);
      void client.invalidateQueries({ queryKey: ["support", "requests"] });
    },
  });
}

/** POST to a request's action path with a body; answers with the request. */
export function sendRequestAction(id: number, action: "assign" | "sessions" | "complete", body?: unknown) {
  return apiSend("POST", `/api/support/requests/${id}/${action}`, body, requestDetailSchema);
}
