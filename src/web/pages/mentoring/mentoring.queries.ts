import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AddCandidateInput,
  type CreateMentorInput,
  candidateListSchema,
  type MatchingInput,
  type MeetingInput,
  matchingResultSchema,
  mentorListSchema,
  mentorSchema,
  type PairRow,
  pairDetailSchema,
  pairListSchema,
  type UpdateMentorInput,
} from "../../../shared/mentoring-api";
import { teacherListSchema } from "../../../shared/teachers-api";
import { apiGet, apiSend, toQuery } from "../../app/api-client";

/** The pairs in scope for a year (undefined: the latest with pairs). */
export function usePairs(
  q: { year?: number; regionId?: number; status?: PairRow["status"] },
  enabled = true,
) {
  return useQuery({
    queryKey: ["mentoring", "pairs", q.year ?? null, q.regionId ?? null, q.status ?? null],
    queryFn: () => apiGet(`/api/mentoring/pairs${toQuery(q)}`, pairListSchema),
    enabled,
  });
}

/** A pair's card. */
export function usePair(id: number) {
  return useQuery({
    queryKey: ["mentoring", "pair", id],
    queryFn: () => apiGet(`/api/mentoring/pairs/${id}`, pairDetailSchema),
  });
}

function useMentoringMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ["mentoring"] }),
  });
}

/** Runs the matching. */
export const useRunMatching = () =>
  useMentoringMutation((input: MatchingInput) =>
    apiSend("POST", "/api/mentoring/matching", input, matchingResultSchema),
  );

/** Confirms, rejects or changes the mentor of a suggested pair. */
export const useDecidePair = () =>
  useMentoringMutation(
    (d: { id: number; action: "confirm" | "reject" } | { id: number; action: "change"; mentorId: number }) =>
      d.action === "change"
        ? apiSend("PUT", `/api/mentoring/pairs/${d.id}/mentor`, { mentorId: d.mentorId }, pairDetailSchema)
        : apiSend("POST", `/api/mentoring/pairs/${d.id}/${d.action}`, undefined, pairDetailSchema),
  );

/** Records a meeting of a pair. */
export const useAddMeeting = () =>
  useMentoringMutation((d: { id: number; input: MeetingInput }) =>
    apiSend("POST", `/api/mentoring/pairs/${d.id}/meetings`, d.input, pairDetailSchema),
  );

/** The mentors registry in scope (a МОЦ: its municipality's; the region: all) with their load in a year. */
export function useMentors(q: { year: number; regionId?: number }, enabled = true) {
  return useQuery({
    queryKey: ["mentoring", "mentors", q.year, q.regionId ?? null],
    queryFn: () => apiGet(`/api/mentoring/mentors${toQuery(q)}`, mentorListSchema),
    enabled,
  });
}

/** Changes a mentor: capacity, strengths, subjects, whether they take mentees. */
export const useUpdateMentor = () =>
  useMentoringMutation((d: { id: number; year: number; input: UpdateMentorInput }) =>
    apiSend("PUT", `/api/mentoring/mentors/${d.id}?year=${d.year}`, d.input, mentorSchema),
  );

/** A school's teachers of a year with their latest diagnosis (to pick a mentor from). */
export function useSchoolTeachersForMentors(schoolId: number | null, year: number) {
  return useQuery({
    queryKey: ["teachers", "school", schoolId, year],
    queryFn: () => apiGet(`/api/schools/${schoolId}/teachers?year=${year}`, teacherListSchema),
    enabled: schoolId !== null,
  });
}

/** Adds a mentor to the registry. */
export const useCreateMentor = () =>
  useMentoringMutation((d: { year: number; input: CreateMentorInput }) =>
    apiSend("POST", `/api/mentoring/mentors?year=${d.year}`, d.input, mentorSchema),
  );

/** The mentor candidates in scope (a МОЦ: its municipality's; the region: all). */
export function useCandidates(q: { year: number; regionId?: number }, enabled = true) {
  return useQuery({
    queryKey: ["mentoring", "candidates", q.year, q.regionId ?? null],
    queryFn: () => apiGet(`/api/mentoring/candidates${toQuery(q)}`, candidateListSchema),
    enabled,
  });
}

/** Adds a candidate to the mentors registry with a capacity. */
export const useAddCandidate = () =>
  useMentoringMutation((d: { teacherId: number; year: number; input: AddCandidateInput }) =>
    apiSend("POST", `/api/mentoring/candidates/${d.teacherId}?year=${d.year}`, d.input, mentorSchema),
  );
