import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { regionOverviewSchema, regionSchema } from "../../../shared/api";
import { apiGet, toQuery } from "../../app/api-client";

/** Regions the user can see (a federal operator sees several). */
export function useRegions(isEnabled: boolean) {
  return useQuery({
    queryKey: ["regions"],
    queryFn: () => apiGet("/api/regions", z.array(regionSchema)),
    enabled: isEnabled,
  });
}

/** The overview of a region; `regionId` may be omitted by a user bound to one region. */
export function useRegionOverview(regionId: number | undefined, isEnabled = true) {
  return useQuery({
    queryKey: ["overview", regionId ?? "own"],
    // Shown in place of the content by the page (QueryView), not as a toast.
    meta: { isSilent: true },
    queryFn: () => apiGet(`/api/overview${toQuery({ regionId })}`, regionOverviewSchema),
    enabled: isEnabled,
  });
}
