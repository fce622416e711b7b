import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CausesSave,
  causeRegistrySchema,
  type ExaminationInput,
  riskProfileSchema,
  schoolCausesSchema,
  schoolExaminationSchema,
  schoolWorkbookSchema,
} from "../../../shared/school-causes-api";
import { apiGet, apiSend, toQuery } from "../../app/api-client";

const schoolKey = (schoolId: number, year: number) => ["causes", "school", schoolId, year];

/** A school's workbook of a year. */
export function useSchoolWorkbook(schoolId: number, year: number) {
  return useQuery({
    queryKey: [...schoolKey(schoolId, year), "workbook"],
    queryFn: () => apiGet(`/api/schools/${schoolId}/workbook?year=${year}`, schoolWorkbookSchema),
    meta: { isSilent: true },
  });
}

/** Saves the answers as a draft; `submit` then sends them. */
export function useSaveAnswers(schoolId: number, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ answers, submit }: { answers: Record<string, unknown>; submit: boolean }) => {
      const saved = await apiSend(
        "PUT",
        `/api/schools/${schoolId}/workbook?year=${year}`,
        { answers },
        schoolWorkbookSchema,
      );
      if (!submit) return saved;
      return apiSend(
        "POST",
        `/api/schools/${schoolId}/workbook/submit?year=${year}`,
        undefined,
        schoolWorkbookSchema,
      );
    },
    meta: { isSilent: true },
    onSettled: () => client.invalidateQueries({ queryKey: schoolKey(schoolId, year) }),
  });
}

/** A school's risk profile of a year. */
export function useRiskProfile(schoolId: number, year: number) {
  return useQuery({
    queryKey: [...schoolKey(schoolId, year), "profile"],
    queryFn: () => apiGet(`/api/schools/${schoolId}/risk-profile?year=${year}`, riskProfileSchema),
    meta: { isSilent: true },
  });
}

/** The МОЦ's examination of a school in a year. */
export function useExamination(schoolId: number, year: number) {
  return useQuery({
    queryKey: [...schoolKey(schoolId, year), "examination"],
    queryFn: () => apiGet(`/api/schools/${schoolId}/examination?year=${year}`, schoolExaminationSchema),
    meta: { isSilent: true },
  });
}

/** Records the examination (МОЦ). */
export function useSaveExamination(schoolId: number, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ExaminationInput) =>
      apiSend("PUT", `/api/schools/${schoolId}/examination?year=${year}`, input, schoolExaminationSchema),
    meta: { isSilent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId, year) }),
  });
}

/** A school's confirmed causes of a year with the candidates and their levels. */
export function useSchoolCauses(schoolId: number, year: number) {
  return useQuery({
    queryKey: [...schoolKey(schoolId, year), "causes"],
    queryFn: () => apiGet(`/api/schools/${schoolId}/causes?year=${year}`, schoolCausesSchema),
    meta: { isSilent: true },
  });
}

/** Confirms a set of causes (МОЦ). */
export function useSaveCauses(schoolId: number, year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CausesSave) =>
      apiSend("PUT", `/api/schools/${schoolId}/causes?year=${year}`, input, schoolCausesSchema),
    meta: { isSilent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: schoolKey(schoolId, year) }),
  });
}

/** The query string of the registry and its documents. */
export function registryQuery(opts: {
  year: number;
  municipalityId: number | null;
  regionId: number | undefined;
}) {
  return toQuery({ year: opts.year, municipalityId: opts.municipalityId, regionId: opts.regionId });
}

/** The registry of causes of a year, of the region or one municipality. */
export function useCauseRegistry(
  opts: { year: number; municipalityId: number | null; regionId: number | undefined },
  enabled: boolean,
) {
  return useQuery({
    queryKey: ["causes", "registry", opts.year, opts.municipalityId, opts.regionId ?? null],
    queryFn: () => apiGet(`/api/causes/registry${registryQuery(opts)}`, causeRegistrySchema),
    enabled,
    meta: { isSilent: true },
  });
}
