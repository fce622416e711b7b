import { useInfiniteQuery } from "@tanstack/react-query";
import { z } from "zod";
import { auditEntrySchema } from "../../../shared/api";
import { apiGet, toQuery } from "../../app/api-client";

/** Entries per request of the audit trail. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit trail, newest first, loaded page by page («Показать ещё») with `beforeId`. */
export function useAuditTrail(entity: string | null) {
  return useInfiniteQuery({
    queryKey: ["audit", entity],
    // Shown in place of the content by the page (QueryView), not as a toast.
    meta: { isSilent: true },
    // 0: from the newest entry; then the id of the oldest entry loaded so far.
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      apiGet(
        `/api/audit${toQuery({ entity, beforeId: pageParam || undefined, limit: AUDIT_PAGE_SIZE })}`,
        z.array(auditEntrySchema),
      ),
    getNextPageParam: (lastPage) => (lastPage.length < AUDIT_PAGE_SIZE ? undefined : lastPage.at(-1)?.id),
  });
}
