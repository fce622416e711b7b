import { Center, Loader } from "@mantine/core";
import type { UseInfiniteQueryResult, UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiStatus } from "../app/api-client";
import { MessagePage } from "./message-page";

/** Props of QueryView: the query, the text for 403/404 answers, and how to render the data. */
export type QueryViewProps<T> = {
  query: UseQueryResult<T> | UseInfiniteQueryResult<T>;
  notFoundText?: string;
  children: (data: T) => ReactNode;
};

/**
 * Renders a query's three states: a spinner, a message in place of the content (403 and 404 read as
 * «не найдено или нет доступа», so that a page never tells whether a hidden object exists), or the data.
 */
export function QueryView<T>({ query, notFoundText, children }: QueryViewProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  }
  if (query.isError) {
    if (isApiStatus(query.error, 403, 404)) {
      return (
        <MessagePage title={t("errors.notFoundTitle")} text={notFoundText ?? t("errors.notFoundText")} />
      );
    }
    return (
      <MessagePage title={t("errors.loadTitle")} text={query.error.message} onRetry={() => query.refetch()} />
    );
  }
  return children(query.data);
}
