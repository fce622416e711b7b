import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type IndicatorDetail,
  type IndicatorInput,
  indicatorDetailSchema,
  indicatorListSchema,
} from "../../../shared/data-collection";
import { type ApiRequestError, apiGet, apiSend, toQuery } from "../../app/api-client";
import { useWorkRegion } from "../../app/work-region";

const KEY = ["indicators"] as const;

/** The indicator catalogue of the region the user works in, with the user's permissions. */
export function useIndicators() {
  const { regionId, isReady } = useWorkRegion();
  return useQuery({
    queryKey: [...KEY, regionId ?? "own"],
    queryFn: () => apiGet(`/api/indicators${toQuery({ regionId })}`, indicatorListSchema),
    enabled: isReady,
  });
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
