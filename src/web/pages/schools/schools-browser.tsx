import { Center, Group, Loader, Pagination, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { can, useMe } from "../../app/session";
import { formatNumber } from "../../components/format";
import { useMunicipalities } from "../municipalities/municipalities.queries";
import { useSchoolList } from "./schools.queries";
import { SchoolsTable } from "./schools-table";

/** Rows per page of the school list. */
export const SCHOOLS_PAGE_SIZE = 50;

/** Props of the school browser: a fixed municipality (its page), or a municipality filter (the list). */
export type SchoolsBrowserProps = { municipalityId?: number; initialMunicipalityId?: number };

/** Search, municipality filter, a page of the school table and pagination; the server does the filtering. */
export function SchoolsBrowser({ municipalityId, initialMunicipalityId }: SchoolsBrowserProps) {
  const { t } = useTranslation();
  const me = useMe();
  const isFixed = municipalityId !== undefined;
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [filterId, setFilterId] = useState<number | null>(initialMunicipalityId ?? null);
  const [page, setPage] = useState(1);
  const showFilter = !isFixed && can(me, "municipality.read");
  const municipalities = useMunicipalities(showFilter);
  const list = useSchoolList({
    municipalityId: municipalityId ?? filterId ?? undefined,
    q: q || undefined,
    limit: SCHOOLS_PAGE_SIZE,
    offset: (page - 1) * SCHOOLS_PAGE_SIZE,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / SCHOOLS_PAGE_SIZE));

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <TextInput
          placeholder={t("schools.searchPlaceholder")}
          aria-label={t("schools.search")}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: "100%", sm: 340 }}
        />
        {showFilter && (
          <Select<number>
            placeholder={t("schools.allMunicipalities")}
            aria-label={t("school.municipality")}
            data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={filterId}
            onChange={(value) => {
              setFilterId(value);
              setPage(1);
            }}
            searchable
            clearable
            w={{ base: "100%", sm: 300 }}
          />
        )}
        {list.data && (
          <Text size="sm" c="dimmed" pb={8} data-testid="schools-total">
            {t("schools.found", { count: total, value: formatNumber(total) })}
          </Text>
        )}
      </Group>
      {list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : list.data && list.data.items.length > 0 ? (
        <SchoolsTable schools={list.data.items} showMunicipality={!isFixed} />
      ) : (
        <Text c="dimmed" py="md">
          {list.isError ? list.error.message : t("schools.empty")}
        </Text>
      )}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} withEdges />}
    </Stack>
  );
}
