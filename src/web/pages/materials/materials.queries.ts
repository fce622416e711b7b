import { useQuery } from "@tanstack/react-query";
import { materialLinkListSchema, materialListSchema } from "../../../shared/materials-api";
import { apiGet, toQuery } from "../../app/api-client";

/** The bank searched with words and filters. */
export function useMaterials(params: {
  q: string;
  kind: string | null;
  level: string | null;
  regionId: number | undefined;
  enabled: boolean;
}) {
  const { enabled, ...query } = params;
  return useQuery({
    queryKey: ["materials", query],
    queryFn: () =>
      apiGet(
        `/api/materials${toQuery({ q: query.q || undefined, kind: query.kind, level: query.level, regionId: query.regionId })}`,
        materialListSchema,
      ),
    enabled,
  });
}

/** The materials linked from a measure, a course or a plan. */
export function useLinkedMaterials(entity: "measure" | "course" | "plan", entityId: number) {
  return useQuery({
    queryKey: ["materials", "links", entity, entityId],
    queryFn: () => apiGet(`/api/material-links${toQuery({ entity, entityId })}`, materialLinkListSchema),
  });
}
