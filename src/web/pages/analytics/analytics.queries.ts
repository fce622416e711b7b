import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  analyticsOptionsSchema,
  clustersResponseSchema,
  contextModelResponseSchema,
} from "../../../core/analytics";
import { apiGet, toQuery } from "../../app/api-client";
import { useWorkRegion } from "../../app/work-region";

/** The school indicators and the years with data (newest first) of the region the user works in. */
export function useAnalyticsOptions() {
  const { regionId, isReady } = useWorkRegion();
  return useQuery({
    queryKey: ["analytics", "options", regionId ?? "own"],
    queryFn: () => apiGet(`/api/analytics/options${toQuery({ regionId })}`, analyticsOptionsSchema),
    enabled: isReady,
  });
}

/** A request of the contextual model as the page builds it. */
export type ContextRequest = { outcome: string; context: string[]; year: number; regionId?: number };

/** The contextual model; nothing is fetched until a request is given. */
export function useContextModel(request: ContextRequest | null) {
  return useQuery({
    queryKey: ["analytics", "context", request],
    queryFn: () =>
      apiGet(
        `/api/analytics/context${toQuery({ ...request, context: request?.context.join(",") })}`,
        contextModelResponseSchema,
      ),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** A request of the clustering; k absent means «choose by silhouette». */
export type ClustersRequest = { indicators: string[]; year: number; k?: number; regionId?: number };

/** The clusters; nothing is fetched until a request is given. */
export function useClusters(request: ClustersRequest | null) {
  return useQuery({
    queryKey: ["analytics", "clusters", request],
    queryFn: () =>
      apiGet(
        `/api/analytics/clusters${toQuery({ ...request, indicators: request?.indicators.join(",") })}`,
        clustersResponseSchema,
      ),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
