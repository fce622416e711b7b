import { MantineProvider } from "@mantine/core";
import { Notifications, notifications } from "@mantine/notifications";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { BrowserRouter } from "react-router";
import { i18n } from "../i18n/i18n";
import { ApiRequestError, isApiStatus } from "./api-client";
import { ME_QUERY_KEY } from "./session";
import { theme } from "./theme";

declare module "@tanstack/react-query" {
  /** Typed `meta`: `isSilent` requests show their errors themselves (e.g. in a form) or not at all. */
  interface Register {
    mutationMeta: { isSilent?: boolean };
    queryMeta: { isSilent?: boolean };
  }
}

function notifyError(error: unknown): void {
  const message = error instanceof ApiRequestError ? error.message : i18n.t("errors.unexpected");
  notifications.show({ color: "red", title: i18n.t("errors.title"), message, autoClose: 8000 });
}

/** Builds the query client: a 401 anywhere signs the user out; failed writes and server errors notify. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] === ME_QUERY_KEY[0]) return;
        // An expired session anywhere signs the user out, whoever shows the error.
        if (isApiStatus(error, 401)) {
          client.setQueryData(ME_QUERY_KEY, null);
          return;
        }
        // 403 and 404 are shown by the page itself as a message in place of the content; so are the errors
        // of `isSilent` queries (pages using QueryView), which a toast would only repeat.
        if (query.meta?.isSilent || isApiStatus(error, 403, 404)) return;
        notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiStatus(error, 401)) client.setQueryData(ME_QUERY_KEY, null);
        if (!mutation.meta?.isSilent) notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof ApiRequestError && error.status > 0) && failureCount < 2,
      },
    },
  });
  return client;
}

const queryClient = createQueryClient();

/** Mantine, notifications, TanStack Query and the router around the app. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>{children}</BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
