import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type IndicatorDetail,
  type IndicatorInput,
  indicatorDetailSchema,
  indicatorListSchema,
} from "../../../shared/data-collection";
import { type ApiRequestError, apiGet, apiSend } from "../../app/api-client";

const KEY = ["indicators"] as const;

/** The region's indicator catalogue with the user's permissions. */
export function useIndicators() {
  return useQuery({ queryKey: KEY, queryFn: () => apiGet("/api/indicators", indicatorListSchema) });
}

/** Adds an indicator (id null) or saves a new version of one; errors are shown by the form. */
export function useSaveIndicator() {
  const queryClient = useQueryClient();
  return useMutation<IndicatorDetail, ApiRequestError, { id: number | null; input: IndicatorInput }>({
    mutationFn: ({ id, input }) =>
      id === null
        ? apiSend("POST", "/api/indicators", input, indicatorDetailSchema)
        : apiSend("PATCH", `/api/indicators/${id}`, input, indicatorDetailSchema),
    meta: { isSilent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Retires an indicator or brings it back. */
export function useRetireIndicator() {
  const queryClient = useQueryClient();
  return useMutation<IndicatorDetail, ApiRequestError, { id: number; isRetired: boolean }>({
    mutationFn: ({ id, isRetired }) =>
      apiSend("POST", `/api/indicators/${id}/retire`, { isRetired }, indicatorDetailSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
