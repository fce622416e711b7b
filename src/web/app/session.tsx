import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, use } from "react";
import { z } from "zod";
import { type LoginInput, type Me, meSchema } from "../../shared/api";
import type { Permission } from "../../shared/roles";
import { type ApiRequestError, apiGet, apiSend, isApiStatus, setCsrfToken } from "./api-client";

/** Query key of the signed-in user; `null` data means "signed out". */
export const ME_QUERY_KEY = ["me"] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiGet("/api/auth/me", meSchema);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiStatus(error, 401)) return null;
    throw error;
  }
}

/** The session as loaded from `/api/auth/me`: the user, or null when nobody is signed in. */
export function useSessionQuery() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: fetchMe,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Signs in; on success the session query holds the new user. Errors keep the server's Russian message. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiRequestError, LoginInput>({
    mutationFn: (input) => apiSend("POST", "/api/auth/login", input, meSchema),
    meta: { isSilent: true },
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      hasJustSignedOut = false;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

let hasJustSignedOut = false;

/**
 * True from a sign-out until the next sign-in: the sign-in page then opens without `?next=`, so that the next
 * person to sign in at this computer starts on their own home page, not on the previous user's.
 */
export function hasSignedOut(): boolean {
  return hasJustSignedOut;
}

/** Signs out and forgets every cached answer of the previous user. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend("POST", "/api/auth/logout", {}, z.unknown()),
    onSettled: () => {
      setCsrfToken("");
      hasJustSignedOut = true;
      // Not queryClient.clear(): that would drop the session query under its observer, and the shell would
      // go on showing the signed-out user. Mark the session empty first, then forget everything else.
      queryClient.setQueryData(ME_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
    },
  });
}

const MeContext = createContext<Me | null>(null);

/** Provides the signed-in user to the pages inside the shell. */
export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext value={me}>{children}</MeContext>;
}

/** The signed-in user; only valid inside the signed-in part of the app. */
export function useMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error("useMe() is used outside of the signed-in area");
  return me;
}

/** True when the user holds the permission (the server checks again; this only hides what cannot be done). */
export function can(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
