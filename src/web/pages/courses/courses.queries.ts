import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type CourseInput,
  type CourseQuery,
  candidateListSchema,
  courseDetailSchema,
  courseItemSchema,
  courseListSchema,
  type EnrolmentPatch,
  type EventInput,
  type EventQuery,
  enrolmentItemSchema,
  eventItemSchema,
  eventListSchema,
  type TableImportResult,
  tableImportResultSchema,
} from "../../../shared/events-api";
import { ApiRequestError, apiGet, apiSend, toQuery } from "../../app/api-client";

/** The region's course catalogue, filtered. */
export function useCourses(query: CourseQuery) {
  return useQuery({
    queryKey: ["courses", "list", query],
    queryFn: () => apiGet(`/api/courses${toQuery(query)}`, courseListSchema),
  });
}

/** A course's card. */
export function useCourse(id: number, regionId: number | undefined) {
  return useQuery({
    queryKey: ["courses", "detail", id, regionId ?? null],
    queryFn: () => apiGet(`/api/courses/${id}${toQuery({ regionId })}`, courseDetailSchema),
  });
}

/** Teachers who may be enrolled in a course. */
export function useCandidates(courseId: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["courses", "candidates", courseId, q],
    queryFn: () => apiGet(`/api/courses/${courseId}/candidates${toQuery({ q })}`, candidateListSchema),
    enabled,
  });
}

/** Adds a course (id null) or edits one, then refreshes the catalogue and the card. */
export function useSaveCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: CourseInput }) =>
      id === null
        ? apiSend("POST", "/api/courses", input, courseItemSchema)
        : apiSend("PATCH", `/api/courses/${id}`, input, courseItemSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["courses"] }),
  });
}

/** Deletes a course. */
export function useDeleteCourse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiSend("DELETE", `/api/courses/${id}`, undefined, z.object({ ok: z.literal(true) })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["courses"] }),
  });
}

/** Enrols teachers in a course. */
export function useEnrol(courseId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { teacherIds: number[]; enrolledOn: string }) =>
      apiSend(
        "POST",
        `/api/courses/${courseId}/enrolments`,
        input,
        z.object({ added: z.number(), items: z.array(enrolmentItemSchema) }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["courses"] }),
  });
}

/** Marks an enrolment completed or dropped. */
export function useUpdateEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: EnrolmentPatch }) =>
      apiSend("PATCH", `/api/course-enrolments/${id}`, patch, enrolmentItemSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["courses"] }),
  });
}

/** The events the user sees, filtered, with the chart's counts. */
export function useEvents(query: EventQuery) {
  return useQuery({
    queryKey: ["events", "list", query],
    queryFn: () => apiGet(`/api/events${toQuery(query)}`, eventListSchema),
  });
}

/** Adds an event (id null) or edits one, then refreshes the events list. */
export function useSaveEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: EventInput }) =>
      id === null
        ? apiSend("POST", "/api/events", input, eventItemSchema)
        : apiSend("PATCH", `/api/events/${id}`, input, eventItemSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["events"] }),
  });
}

/** Deletes an event. */
export function useDeleteEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiSend("DELETE", `/api/events/${id}`, undefined, z.object({ ok: z.literal(true) })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["events"] }),
  });
}

/** Posts a table to an import route (multipart, with the CSRF header): a dry run or for real. */
export function useTableImport(url: string, csrfToken: string, invalidate: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }): Promise<TableImportResult> => {
      const form = new FormData();
      form.append("file", file);
      const response = await fetch(`${url}?dryRun=${dryRun}`, {
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
      return tableImportResultSchema.parse(body);
    },
    onSuccess: (result) => {
      if (!result.dryRun && result.errorCount === 0)
        void client.invalidateQueries({ queryKey: [invalidate] });
    },
  });
}
