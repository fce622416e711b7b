import { useQuery } from "@tanstack/react-query";
import { formDashboardSchema, formListSchema } from "../../../shared/data-collection";
import { apiGet, toQuery } from "../../app/api-client";

/**
 * Submission progress by municipality for a year (the latest year with forms when none is given);
 * `regionId` narrows it to one region (a federal operator's choice), otherwise every school in scope.
 */
export function useFormDashboard(
  year: number | undefined,
  opts: { enabled?: boolean; regionId?: number } = {},
) {
  const { regionId } = opts;
  return useQuery({
    queryKey: ["forms", "dashboard", year ?? null, regionId ?? "all"],
    queryFn: () => apiGet(`/api/forms/dashboard${toQuery({ year, regionId })}`, formDashboardSchema),
    enabled: opts.enabled ?? true,
  });
}

/** Schools of a municipality with their form state for a year. */
export function useFormList(year: number | undefined, municipalityId: number | null) {
  return useQuery({
    queryKey: ["forms", "list", year ?? null, municipalityId],
    queryFn: () => apiGet(`/api/forms${toQuery({ year, municipalityId })}`, formListSchema),
    enabled: municipalityId !== null,
  });
}
