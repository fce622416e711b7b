import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type FormSave,
  type FormTransition,
  type FormUnlock,
  type SchoolForm,
  schoolFormSchema,
} from "../../../shared/data-collection";
import { type ApiRequestError, apiGet, apiSend } from "../../app/api-client";

const formKey = (schoolId: number, year: number) => ["form", schoolId, year] as const;

/** A school's data form for a year. */
export function useSchoolForm(schoolId: number, year: number) {
  return useQuery({
    queryKey: formKey(schoolId, year),
    queryFn: () => apiGet(`/api/schools/${schoolId}/forms/${year}`, schoolFormSchema),
  });
}

function useFormMutation<I>(schoolId: number, year: number, send: (input: I) => Promise<SchoolForm>) {
  const queryClient = useQueryClient();
  return useMutation<SchoolForm, ApiRequestError, I>({
    mutationFn: send,
    meta: { isSilent: true },
    onSuccess: (form) => {
      queryClient.setQueryData(formKey(schoolId, year), form);
      void queryClient.invalidateQueries({ queryKey: ["forms"] });
    },
  });
}

/** Saves changed values of the form. */
export function useSaveForm(schoolId: number, year: number) {
  return useFormMutation<FormSave>(schoolId, year, (input) =>
    apiSend("PUT", `/api/schools/${schoolId}/forms/${year}`, input, schoolFormSchema),
  );
}

/** Submits, approves, accepts or returns the form. */
export function useFormTransition(schoolId: number, year: number) {
  return useFormMutation<FormTransition>(schoolId, year, (input) =>
    apiSend("POST", `/api/schools/${schoolId}/forms/${year}/transitions`, input, schoolFormSchema),
  );
}

/** Unlocks one value of an approved form (region). */
export function useUnlockValue(schoolId: number, year: number) {
  return useFormMutation<FormUnlock>(schoolId, year, (input) =>
    apiSend("POST", `/api/schools/${schoolId}/forms/${year}/unlocks`, input, schoolFormSchema),
  );
}
