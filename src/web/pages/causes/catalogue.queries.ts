import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  currentWorkbookSchema,
  type FactorPatch,
  factorItemSchema,
  factorListSchema,
  type MeasurePatch,
  measureItemSchema,
  measureListSchema,
  workbookVersionSummarySchema,
} from "../../../shared/causes-api";
import { apiGet, apiSend, toQuery } from "../../app/api-client";

/** The region a catalogue request is about: undefined for the user's own (a federal operator names one). */
type RegionArg = number | undefined;

/** The region's factor catalogue. */
export function useFactors(regionId: RegionArg, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["causes", "factors", regionId ?? null],
    queryFn: () => apiGet(`/api/causes/factors${toQuery({ regionId })}`, factorListSchema),
    enabled: opts.enabled ?? true,
  });
}

/** Adds a factor (region). */
export function useCreateFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (definition: unknown) =>
      apiSend("POST", "/api/causes/factors", { definition }, factorItemSchema),
    meta: { isSilent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ["causes"] }),
  });
}

/** Edits or retires a factor (region). */
export function useUpdateFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Omit<FactorPatch, "regionId"> }) =>
      apiSend("PATCH", `/api/causes/factors/${id}`, patch, factorItemSchema),
    meta: { isSilent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ["causes"] }),
  });
}

/** The region's current workbook. */
export function useCurrentWorkbook(regionId: RegionArg, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["causes", "workbook", regionId ?? null],
    queryFn: () => apiGet(`/api/causes/workbook${toQuery({ regionId })}`, currentWorkbookSchema),
    enabled: opts.enabled ?? true,
  });
}

/** The versions of the region's workbook. */
export function useWorkbookVersions(regionId: RegionArg, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["causes", "workbook-versions", regionId ?? null],
    queryFn: () =>
      apiGet(`/api/causes/workbook/versions${toQuery({ regionId })}`, z.array(workbookVersionSummarySchema)),
    enabled: opts.enabled ?? true,
  });
}

/** Saves an edit of the workbook as its next version (region). */
export function useSaveWorkbook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { definition: unknown; note: string }) =>
      apiSend("PUT", "/api/causes/workbook", input, currentWorkbookSchema),
    meta: { isSilent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ["causes"] }),
  });
}

/** The region's measure library, optionally for one factor. */
export function useMeasures(regionId: RegionArg, factor: string | null, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["causes", "measures", regionId ?? null, factor],
    queryFn: () => apiGet(`/api/measures${toQuery({ regionId, factor })}`, measureListSchema),
    enabled: opts.enabled ?? true,
  });
}

/** Adds a measure (region). */
export function useCreateMeasure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (definition: unknown) => apiSend("POST", "/api/measures", { definition }, measureItemSchema),
    meta: { isSilent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ["causes"] }),
  });
}

/** Edits or retires a measure (region). */
export function useUpdateMeasure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Omit<MeasurePatch, "regionId"> }) =>
      apiSend("PATCH", `/api/measures/${id}`, patch, measureItemSchema),
    meta: { isSilent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: ["causes"] }),
  });
}
