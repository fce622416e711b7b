import { useQuery } from "@tanstack/react-query";
import { materialLinkListSchema, materialListSchema } from "../../../shared/materials-api";
import { apiGet, toQuery } from "../../app/api-client";

/** The bank searched with words and filters. */
export function useMaterials(params: { q: string; kind: string | null; level: string | null }) {
  return useQuery({
    queryKey: ["materials", params],
    queryFn: () =>
      apiGet(
        `/api/materials${toQuery({ q: params.q || undefined, kind: params.kind, level: params.level })}`,
        materialListSchema,
      ),
  });
}

/** The materials linked from a measure, a course or a plan. */
export function useLinkedMaterials(entity: "measure" | "course" | "plan", entityId: number) {
  return useQuery({
    queryKey: ["materials", "links", entity, entityId],
    queryFn: () => apiGet(`/api/material-links${toQuery({ entity, entityId })}`, materialLinkListSchema),
  });
}
