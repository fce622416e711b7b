import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type MocStaff,
  mocStaffSchema,
  municipalityDetailSchema,
  municipalitySummarySchema,
} from "../../../shared/api";
import type { MocStaffInput } from "../../../shared/hierarchy";
import { type ApiRequestError, apiGet, apiSend } from "../../app/api-client";

/** Municipalities the user can see, with their figures. */
export function useMunicipalities(isEnabled = true) {
  return useQuery({
    queryKey: ["municipalities"],
    // Shown in place of the content by the page (QueryView), not as a toast.
    meta: { isSilent: true },
    queryFn: () => apiGet("/api/municipalities", z.array(municipalitySummarySchema)),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}

/** One municipality with its МОЦ staff and what the user may do there. */
export function useMunicipality(id: number | null) {
  return useQuery({
    queryKey: ["municipality", id],
    // Shown in place of the content by the page (QueryView), not as a toast.
    meta: { isSilent: true },
    queryFn: () => apiGet(`/api/municipalities/${id}`, municipalityDetailSchema),
    enabled: id !== null,
  });
}

/** What the staff form saves: a new member of a municipality's МОЦ, or changes to an existing one. */
export type StaffSave = { municipalityId: number; staffId: number | null; input: MocStaffInput };

/** Adds or edits a МОЦ staff member, then reloads the municipality. Errors are shown by the form. */
export function useSaveStaff() {
  const queryClient = useQueryClient();
  return useMutation<MocStaff, ApiRequestError, StaffSave>({
    mutationFn: ({ municipalityId, staffId, input }) =>
      staffId === null
        ? apiSend("POST", `/api/municipalities/${municipalityId}/staff`, input, mocStaffSchema)
        : apiSend("PATCH", `/api/staff/${staffId}`, input, mocStaffSchema),
    meta: { isSilent: true },
    onSuccess: (_staff, { municipalityId }) =>
      queryClient.invalidateQueries({ queryKey: ["municipality", municipalityId] }),
  });
}

/** Removes a МОЦ staff member, then reloads the municipality. */
export function useDeleteStaff(municipalityId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (staffId: number) => apiSend("DELETE", `/api/staff/${staffId}`, undefined, z.unknown()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["municipality", municipalityId] }),
  });
}
