import { Alert, Button, Center, Group, Loader, Pagination, Stack, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { can, useMe } from "../../app/session";
import { formatNumber } from "../../components/format";
import { useMunicipalities } from "../municipalities/municipalities.queries";
import {
  applySchoolFilter,
  isFiltered,
  kindsOf,
  readSchoolFilter,
  type SchoolListFilter,
  sortBy,
  writeSchoolFilter,
} from "./school-list-filter";
import { useSchoolsInScope } from "./schools.queries";
import { SchoolsFilters } from "./schools-filters";
import { SchoolsTable } from "./schools-table";

/** Rows per page of the school list. */
export const SCHOOLS_PAGE_SIZE = 50;

/** Props of the school browser: a fixed municipality (its page) or every school in the user's scope. */
export type SchoolsBrowserProps = { municipalityId?: number };

/**
 * Search, filters, a sortable page of the school table and pagination. The schools in scope load once and are
 * filtered on the client, so every click answers at once; the filter lives in the address.
 */
export function SchoolsBrowser({ municipalityId }: SchoolsBrowserProps) {
  const { t } = useTranslation();
  const me = useMe();
  const isFixed = municipalityId !== undefined;
  const [params, setParams] = useSearchParams();
  const filter = readSchoolFilter(params);
  const showMunicipalityFilter = !isFixed && can(me, "municipality.read");
  const municipalities = useMunicipalities(showMunicipalityFilter);
  const query = useSchoolsInScope(municipalityId);
  const all = query.data?.items;
  const effective: SchoolListFilter = isFixed ? { ...filter, municipalityId: null } : filter;
  const matched = applySchoolFilter(all ?? [], effective);
  const kinds = useMemo(() => kindsOf(all ?? []), [all]);

  const update = (next: SchoolListFilter) => setParams((p) => writeSchoolFilter(p, next), { replace: true });
  const onChange = (change: Partial<SchoolListFilter>) => update({ ...filter, ...change, page: 1 });
  const onReset = () =>
    update({ ...filter, q: "", municipalityId: null, kind: null, locality: null, page: 1 });

  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light" title={t("errors.loadTitle")}>
        <Group justify="space-between">
          <Text size="sm">{query.error.message}</Text>
          <Button size="xs" variant="default" onClick={() => query.refetch()}>
            {t("common.retry")}
          </Button>
        </Group>
      </Alert>
    );
  }

  const pages = Math.max(1, Math.ceil(matched.length / SCHOOLS_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const from = (page - 1) * SCHOOLS_PAGE_SIZE;
  const rows = matched.slice(from, from + SCHOOLS_PAGE_SIZE);
  const hasFilter = isFiltered(effective);

  return (
    <Stack gap="md">
      <SchoolsFilters
        filter={effective}
        kinds={kinds}
        municipalities={showMunicipalityFilter ? (municipalities.data ?? []) : null}
        isFiltered={hasFilter}
        onChange={onChange}
        onReset={onReset}
      />
      {rows.length === 0 ? (
        <Stack gap={4} py="lg" align="center" data-testid="schools-empty">
          <Text fw={500}>{hasFilter ? t("schools.nothingMatches") : t("schools.empty")}</Text>
          {hasFilter && (
            <Text size="sm" c="dimmed">
              {t("schools.nothingMatchesHint")}
            </Text>
          )}
        </Stack>
      ) : (
        <SchoolsTable
          schools={rows}
          showMunicipality={!isFixed}
          sort={filter.sort}
          onSort={(key) => update(sortBy(filter, key))}
        />
      )}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" data-testid="schools-total">
          {pages > 1
            ? t("schools.range", {
                from: formatNumber(from + 1),
                to: formatNumber(from + rows.length),
                total: formatNumber(matched.length),
              })
            : t("schools.found", { count: matched.length, value: formatNumber(matched.length) })}
          {hasFilter && ` ${t("schools.ofAll", { value: formatNumber(all?.length ?? 0) })}`}
        </Text>
        {pages > 1 && (
          <nav aria-label={t("schools.pages")}>
            <Pagination
              total={pages}
              value={page}
              onChange={(next) => setParams((p) => writeSchoolFilter(p, { ...filter, page: next }))}
              withEdges
            />
          </nav>
        )}
      </Group>
    </Stack>
  );
}
