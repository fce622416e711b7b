import type { QueryClient, QueryFilters } from "@tanstack/react-query";

/**
 * Refetches the active queries under `filters` after a write the server has finished (e.g. a job that
 * stored a run), so that every answer shown was read after it. `invalidateQueries` alone is not
 * enough: a query still on its first load (no data yet) keeps its request in flight, started before
 * the write, and takes that stale answer as fresh. Such requests are cancelled first (the query goes
 * back to loading, no error), then every matching query is invalidated and refetched.
 */
export async function refreshQueries(client: QueryClient, filters: QueryFilters): Promise<void> {
  await client.cancelQueries(filters);
  await client.invalidateQueries(filters);
}
