import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { refreshQueries } from "../../src/web/app/refresh-queries";

/** A promise settled from outside: a request the test answers when it chooses. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * The runs list of the identification page, as TanStack Query holds it: its first load is still in flight when
 * the run's job ends (a busy server answers slowly), and that request was asked before the run was stored.
 */
describe("refreshQueries after a job has stored its result", () => {
  let client: QueryClient;
  afterEach(() => client.clear());

  async function firstLoadInFlight() {
    client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
    const stored: number[] = [2, 1];
    const first = deferred<number[]>();
    const requests: number[][] = [];
    const observer = new QueryObserver(client, {
      queryKey: ["identification", "runs", "own"],
      queryFn: () => {
        // The server answers with the runs stored when it was asked; the first answer is held back.
        const asked = [...stored];
        requests.push(asked);
        return requests.length === 1 ? first.promise : Promise.resolve(asked);
      },
    });
    const unsubscribe = observer.subscribe(() => undefined);
    expect(requests).toHaveLength(1);
    // The job stores run 3 and ends; the page learns of it while the first request is unanswered.
    stored.unshift(3);
    const answerFirst = () => first.resolve(requests[0] ?? []);
    return { observer, requests, unsubscribe, answerFirst };
  }

  it("shows the new run although the list's first load was asked before it was stored", async () => {
    const { observer, answerFirst, unsubscribe } = await firstLoadInFlight();
    const refreshed = refreshQueries(client, { queryKey: ["identification"] });
    answerFirst();
    await refreshed;
    expect(observer.getCurrentResult().data).toEqual([3, 2, 1]);
    expect(observer.getCurrentResult().isError).toBe(false);
    unsubscribe();
  });

  it("invalidateQueries alone keeps the stale first answer (why refreshQueries exists)", async () => {
    const { observer, answerFirst, requests, unsubscribe } = await firstLoadInFlight();
    const invalidated = client.invalidateQueries({ queryKey: ["identification"] });
    answerFirst();
    await invalidated;
    expect(requests).toHaveLength(1);
    expect(observer.getCurrentResult().data).toEqual([2, 1]);
    unsubscribe();
  });
});
