import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type School, schoolListSchema, schoolSchema } from "../../../shared/api";
import type { SchoolInput, SchoolUpdate } from "../../../shared/hierarchy";
import { type ApiRequestError, apiGet, apiSend, toQuery } from "../../app/api-client";

/** Filters and page of the school list. */
export type SchoolListParams = { municipalityId?: number; q?: string; limit: number; offset: number };

/** A page of the schools the user can see (the server applies the scope). */
export function useSchoolList(params: SchoolListParams) {
  return useQuery({
    queryKey: ["schools", params],
    queryFn: () => apiGet(`/api/schools${toQuery(params)}`, schoolListSchema),
    placeholderData: keepPreviousData,
  });
}

/**
 * Every school the user can see (of one municipality when given), for the school browser, which sorts,
 * filters and pages on the client: a region has hundreds of schools, not hundreds of thousands.
 */
export function useSchoolsInScope(municipalityId?: number) {
  return useQuery({
    queryKey: ["schools", "scope", municipalityId ?? null],
    // Shown in place of the content by the page (QueryView), not as a toast.
    meta: { isSilent: true },
    queryFn: () => apiGet(`/api/schools${toQuery({ municipalityId, limit: 5000 })}`, schoolListSchema),
  });
}

/** Every school the user can see, for pickers (e.g. assigning schools to a mentor). */
export function useAllSchools(isEnabled = true) {
  return useQuery({
    queryKey: ["schools", "all"],
    queryFn: () => apiGet(`/api/schools${toQuery({ limit: 5000 })}`, schoolListSchema),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}

/** One school; 404 when it does not exist or is outside the user's scope. */
export function useSchool(id: number | null) {
  return useQuery({
    queryKey: ["school", id],
    // Shown in place of the content by the page (QueryView), not as a toast.
    meta: { isSilent: true },
    queryFn: () => apiGet(`/api/schools/${id}`, schoolSchema),
    enabled: id !== null,
  });
}

/** What the school form saves: a new school, or changes to an existing one. */
export type SchoolSave =
  | { kind: "create"; input: SchoolInput }
  | { kind: "update"; id: number; input: SchoolUpdate };

/** Creates or updates a school, then refreshes lists and figures. Errors are shown by the form. */
export function useSaveSchool() {
  const queryClient = useQueryClient();
  return useMutation<School, ApiRequestError, SchoolSave>({
    mutationFn: (save) =>
      save.kind === "create"
        ? apiSend("POST", "/api/schools", save.input, schoolSchema)
        : apiSend("PATCH", `/api/schools/${save.id}`, save.input, schoolSchema),
    meta: { isSilent: true },
    onSuccess: async (school) => {
      queryClient.setQueryData(["school", school.id], school);
      await Promise.all(
        ["schools", "municipalities", "municipality", "overview"].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}
