import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AssessmentInput,
  deficitScaleAnswerSchema,
  type IndividualPlanInput,
  individualPlanSchema,
  type TeacherInput,
  type TeacherPatch,
  teacherCardSchema,
  teacherImportResultSchema,
  teacherListSchema,
} from "../../../shared/teachers-api";
import { ApiRequestError, apiGet, apiSend } from "../../app/api-client";

const ROOT = ["teachers"];

/** A school's teachers of a year with the priority group. */
export function useSchoolTeachers(schoolId: number, year: number) {
  return useQuery({
    queryKey: [...ROOT, "school", schoolId, year],
    queryFn: () => apiGet(`/api/schools/${schoolId}/teachers?year=${year}`, teacherListSchema),
  });
}

/** A teacher's card. */
export function useTeacherCard(teacherId: number, year: number) {
  return useQuery({
    queryKey: [...ROOT, "card", teacherId, year],
    queryFn: () => apiGet(`/api/teachers/${teacherId}?year=${year}`, teacherCardSchema),
  });
}

/** A teacher's ИОМ of a year. */
export function useIndividualPlan(teacherId: number, year: number) {
  return useQuery({
    queryKey: [...ROOT, "plan", teacherId, year],
    queryFn: () => apiGet(`/api/teachers/${teacherId}/plan?year=${year}`, individualPlanSchema),
  });
}

/** The region's deficit scale. */
export function useDeficitScale() {
  return useQuery({
    queryKey: [...ROOT, "scale"],
    queryFn: () => apiGet("/api/teachers/deficit-scale", deficitScaleAnswerSchema),
    meta: { isSilent: true },
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ROOT });
}

/** Adds a teacher to a school. */
export function useCreateTeacher(schoolId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: TeacherInput) =>
      apiSend("POST", `/api/schools/${schoolId}/teachers`, input, teacherCardSchema),
    meta: { isSilent: true },
    onSuccess: invalidate,
  });
}

/** Changes a teacher (deactivates with isActive false). */
export function useUpdateTeacher(teacherId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (patch: TeacherPatch) =>
      apiSend("PATCH", `/api/teachers/${teacherId}`, patch, teacherCardSchema),
    onSuccess: invalidate,
  });
}

/** Records a diagnosis. */
export function useAddAssessment(teacherId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AssessmentInput) =>
      apiSend("POST", `/api/teachers/${teacherId}/assessments`, input, teacherCardSchema),
    meta: { isSilent: true },
    onSuccess: invalidate,
  });
}

/** Saves the ИОМ's note and activities. */
export function useSavePlan(teacherId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: IndividualPlanInput) =>
      apiSend("PUT", `/api/teachers/${teacherId}/plan`, input, individualPlanSchema),
    onSuccess: invalidate,
  });
}

/** Sends a teachers file (multipart, with the CSRF header) for a dry run or the import. */
export function useTeacherImport(csrfToken: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({
      file,
      kind,
      dryRun,
    }: {
      file: File;
      kind: "registry" | "tests";
      dryRun: boolean;
    }) => {
      const form = new FormData();
      form.append("file", file);
      const query = new URLSearchParams({ kind, dryRun: String(dryRun) });
      const response = await fetch(`/api/teachers/import?${query}`, {
        method: "POST",
        body: form,
        credentials: "same-origin",
        headers: { "x-csrf-token": csrfToken, accept: "application/json" },
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        throw new ApiRequestError(response.status, {
          error: body?.error ?? "http_error",
          message: body?.message ?? `Ошибка ${response.status}`,
          issues: body?.issues ?? [],
        });
      }
      return teacherImportResultSchema.parse(body);
    },
    meta: { isSilent: true },
    onSuccess: (result) => {
      if (!result.dryRun && result.errors.length === 0) void invalidate();
    },
  });
}
