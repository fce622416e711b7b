import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type MaterialCreate,
  type MaterialPatch,
  materialItemSchema,
  materialLinkListSchema,
  materialListSchema,
} from "../../../shared/materials-api";
import { apiGet, apiSend, apiUpload, toQuery } from "../../app/api-client";

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

/** What the material form saves: the fields, and a file to attach after them. */
export type MaterialSave =
  | { id: null; input: MaterialCreate; file: File | null }
  | { id: number; input: MaterialPatch; file: File | null };

/**
 * Adds a material or changes one, then uploads its file when one is chosen; refreshes the bank and
 * the «Материалы» blocks.
 */
export function useSaveMaterial() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (save: MaterialSave) => {
      const saved =
        save.id === null
          ? await apiSend("POST", "/api/materials", save.input, materialItemSchema)
          : await apiSend("PATCH", `/api/materials/${save.id}`, save.input, materialItemSchema);
      if (!save.file) return saved;
      return apiUpload("PUT", `/api/materials/${saved.id}/file`, save.file, materialItemSchema);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["materials"] }),
  });
}

/** Deletes a material of the bank. */
export function useDeleteMaterial() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiSend("DELETE", `/api/materials/${id}`, undefined, z.object({ id: z.number() })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["materials"] }),
  });
}

/** Links a material to a measure, a course or a plan, or removes a link. */
export function useMaterialLinkWrites() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: ["materials"] });
  return {
    link: useMutation({
      mutationFn: (input: { materialId: number; entity: "measure" | "course" | "plan"; entityId: number }) =>
        apiSend("POST", "/api/material-links", input, z.object({ linkId: z.number() })),
      onSuccess,
    }),
    unlink: useMutation({
      mutationFn: (linkId: number) =>
        apiSend("DELETE", `/api/material-links/${linkId}`, undefined, z.object({ id: z.number() })),
      onSuccess,
    }),
  };
}
