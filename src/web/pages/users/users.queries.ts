import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { type User, userSchema } from "../../../shared/api";
import { type ApiRequestError, apiGet, apiSend } from "../../app/api-client";
import type { UserCreateInput } from "./user-form";

/** Users of the admin's region. */
export function useUsers() {
  return useQuery({
    queryKey: ["users"],
    queryFn: () => apiGet("/api/users", z.array(userSchema)),
    // Shown in place of the table by the page (QueryView), not as a toast.
    meta: { isSilent: true },
  });
}

/** Creates a user; errors are shown by the form. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation<User, ApiRequestError, UserCreateInput>({
    mutationFn: (input) => apiSend("POST", "/api/users", input, userSchema),
    meta: { isSilent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

/** Changes to a user: name, active flag, password, assigned schools. */
export type UserUpdateInput = {
  fullName?: string;
  isActive?: boolean;
  password?: string;
  assignedSchoolIds?: number[];
};

/** Edits a user (e.g. deactivates them); failures notify. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation<User, ApiRequestError, { id: number; input: UserUpdateInput }>({
    mutationFn: ({ id, input }) => apiSend("PATCH", `/api/users/${id}`, input, userSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
