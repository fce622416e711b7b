import {
  Alert,
  Anchor,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ResultsCategoryFilter, Run, RunSummary } from "../../../core/identification/api.schema";
import { formatNumber } from "../../components/format";
import type { TranslationKey } from "../../i18n/keys";
import { CATEGORY_KEYS, CategoryBadge } from "./category-badge";
import { type ResultsRequest, useRunResults } from "./identification.queries";
import { ReasonsList } from "./reasons-list";

/** Schools per page of the results table. */
export const RESULTS_PAGE_SIZE = 25;

/** The category filters in the order offered; «identified» first, as the server's default. */
const CATEGORY_FILTERS: readonly ResultsCategoryFilter[] = [
  "identified",
  "flagged",
  "shnro",
  "shfnsu",
  "both",
  "none",
  "insufficient_data",
  "all",
];

const FILTER_KEYS: Record<"identified" | "flagged" | "all", TranslationKey> = {
  identified: "identification.filterIdentified",
  flagged: "identification.flagged",
  all: "identification.filterAll",
};

/** The risk filter «any flag»: a value no flag name takes (flag names are Russian phrases). */
const ANY_RISK_FLAG = "__any_risk_flag__";

function isCategoryFilter(value: string | null): value is ResultsCategoryFilter {
  return CATEGORY_FILTERS.some((c) => c === value);
}

/**
 * A run's results as a paged table filtered on the server: by municipality (when the reader sees
 * several), category (default: the identified schools), risk flag and a search by school name or
 * code; each school with its category, risk flags and reasons in plain Russian.
 */
export function RunResults({ run, summary }: { run: Run; summary: RunSummary | undefined }) {
  const { t } = useTranslation();
  const [municipalityId, setMunicipalityId] = useState<string | null>(null);
  const [category, setCategory] = useState<ResultsCategoryFilter>("identified");
  const [risk, setRisk] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const request: ResultsRequest = {
    municipalityId: municipalityId ? Number(municipalityId) : undefined,
    category,
    riskFlag: risk && risk !== ANY_RISK_FLAG ? risk : undefined,
    anyRiskFlag: risk === ANY_RISK_FLAG || undefined,
    q: q || undefined,
    page,
    pageSize: RESULTS_PAGE_SIZE,
  };
  const results = useRunResults(run.id, request);
  // Every filter change starts again from the first page.
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const municipalityOptions = (summary?.municipalities ?? []).map((m) => ({
    value: String(m.municipalityId),
    label: m.municipalityName,
  }));
  const categoryOptions = CATEGORY_FILTERS.map((value) => ({
    value,
    label:
      value === "identified" || value === "flagged" || value === "all"
        ? t(FILTER_KEYS[value])
        : t(CATEGORY_KEYS[value]),
  }));
  const riskFlags = run.ruleSets.flatMap((r) => (r.riskFlag ? [r.riskFlag] : []));
  const data = results.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / RESULTS_PAGE_SIZE)) : 1;
  return (
    <Stack gap="sm" data-testid="run-results">
      <Group gap="sm" align="flex-end" wrap="wrap">
        {municipalityOptions.length > 1 && (
          <Select
            label={t("identification.municipality")}
            placeholder={t("identification.allMunicipalities")}
            data={municipalityOptions}
            value={municipalityId}
            onChange={refilter(setMunicipalityId)}
            clearable
            clearButtonProps={{ "aria-label": t("identification.clearMunicipality") }}
            searchable
            w={240}
            data-testid="results-municipality"
          />
        )}
        <Select
          label={t("identification.category")}
          data={categoryOptions}
          value={category}
          onChange={(value) => {
            if (isCategoryFilter(value)) refilter(setCategory)(value);
          }}
          allowDeselect={false}
          w={300}
          data-testid="results-category"
        />
        {riskFlags.length > 0 && (
          <Select
            label={t("identification.riskFlag")}
            placeholder={t("identification.anyOrNoRisk")}
            data={[
              { value: ANY_RISK_FLAG, label: t("identification.anyRiskFlag") },
              ...riskFlags.map((flag) => ({ value: flag, label: flag })),
            ]}
            value={risk}
            onChange={refilter(setRisk)}
            clearable
            clearButtonProps={{ "aria-label": t("identification.clearRiskFlag") }}
            w={280}
            data-testid="results-risk"
          />
        )}
        <TextInput
          label={t("identification.search")}
          placeholder={t("identification.searchHint")}
          value={search}
          onChange={(event) => refilter(setSearch)(event.currentTarget.value)}
          flex={1}
          miw={200}
          data-testid="results-search"
        />
      </Group>
      {results.isError && <Alert color="red">{results.error.message}</Alert>}
      {data && (
        <Text size="sm" c="dimmed" data-testid="results-total">
          {data.total === 0
            ? t("identification.noResults")
            : t("identification.resultsShown", {
                from: formatNumber((data.page - 1) * data.pageSize + Math.min(1, data.items.length)),
                to: formatNumber((data.page - 1) * data.pageSize + data.items.length),
                total: formatNumber(data.total),
              })}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <Paper p={0}>
          <Table verticalSpacing="sm" data-testid="results-table" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="24%">{t("identification.school")}</Table.Th>
                <Table.Th w="16%">{t("identification.municipality")}</Table.Th>
                <Table.Th w={170}>{t("identification.category")}</Table.Th>
                <Table.Th>{t("identification.reasons")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ verticalAlign: "top" }}>
              {data.items.map((r) => (
                <Table.Tr key={r.schoolId} data-school-code={r.schoolCode}>
                  <Table.Td>
                    <Anchor component={Link} to={`/schools/${r.schoolId}`} size="sm">
                      {r.schoolName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.schoolCode}
                      {r.isRural ? ` · ${t("identification.rural")}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.municipalityName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <CategoryBadge category={r.category} />
                  </Table.Td>
                  <Table.Td>
                    <ReasonsList result={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {pages > 1 && (
        <Group justify="center">
          <nav aria-label={t("identification.resultsPages")}>
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={setPage}
              withEdges
              data-testid="results-pagination"
            />
          </nav>
        </Group>
      )}
    </Stack>
  );
}
