import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Run } from "../../../core/identification/api.schema";
import { formatNumber, formatPercent } from "../../components/format";
import { StatCard } from "../../components/stat-card";
import { CATEGORY_KEYS, CategoryBadge } from "./category-badge";
import { useApproveRun, useRunResults, useRunSummary } from "./identification.queries";
import { ReasonsList } from "./reasons-list";
import { RunCompare } from "./run-compare";

const CATEGORY_FILTERS = ["flagged", "shnro", "shfnsu", "both", "none", "insufficient_data"] as const;

/** One run: summary counts, municipality summary, filtered results with reasons, exports, approval, comparison. */
export function RunView({ run, runs }: { run: Run; runs: Run[] }) {
  const { t } = useTranslation();
  const [municipalityId, setMunicipalityId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const summary = useRunSummary(run.id);
  const results = useRunResults(run.id, {
    municipalityId: municipalityId ? Number(municipalityId) : undefined,
    category: category ?? undefined,
  });
  const approve = useApproveRun();
  const total = summary.data?.total ?? run.counts;
  // A МОЦ sees one municipality: no filter to offer then.
  const municipalityOptions = (summary.data?.municipalities ?? []).map((m) => ({
    value: String(m.municipalityId),
    label: m.municipalityName,
  }));
  const categoryOptions = CATEGORY_FILTERS.map((value) => ({
    value,
    label: value === "flagged" ? t("identification.flagged") : t(CATEGORY_KEYS[value]),
  }));
  return (
    <Stack gap="md" data-testid="run-view">
      <Group justify="space-between">
        <Title order={3}>{t("identification.runTitle", { id: run.id, year: run.year })}</Title>
        <Group gap="xs">
          <Button component="a" href={`/api/identification/runs/${run.id}/export.xlsx`} variant="light">
            {t("identification.exportXlsx")}
          </Button>
          {run.status === "approved" && (
            <Button component="a" href={`/api/identification/runs/${run.id}/order.docx`} variant="light">
              {t("identification.exportDocx")}
            </Button>
          )}
          {run.permissions.canApprove && (
            <Button
              color="green"
              loading={approve.isPending}
              onClick={() => approve.mutate(run.id)}
              data-testid="run-approve"
            >
              {t("identification.approve")}
            </Button>
          )}
        </Group>
      </Group>
      {run.approvedByName && (
        <Text size="sm">{t("identification.approvedBy", { name: run.approvedByName })}</Text>
      )}
      {approve.isError && <Alert color="red">{approve.error.message}</Alert>}
      <SimpleGrid cols={{ base: 2, md: 6 }}>
        <StatCard label={t("identification.schools")} value={formatNumber(total.schools)} />
        <StatCard label={t("identification.catShnro")} value={formatNumber(total.shnro)} />
        <StatCard label={t("identification.catShfnsu")} value={formatNumber(total.shfnsu)} />
        <StatCard label={t("identification.catBoth")} value={formatNumber(total.both)} />
        <StatCard
          label={t("identification.ruralShare")}
          value={total.ruralShare === null ? "—" : formatPercent(total.ruralShare)}
          testId="run-rural-share"
        />
        <StatCard label={t("identification.withRisk")} value={formatNumber(total.withRiskFlags)} />
      </SimpleGrid>
      {summary.data && summary.data.municipalities.length > 1 && (
        <Paper p={0}>
          <Table verticalSpacing={4} data-testid="run-summary">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("identification.municipality")}</Table.Th>
                <Table.Th>{t("identification.schools")}</Table.Th>
                <Table.Th>{t("identification.catShnro")}</Table.Th>
                <Table.Th>{t("identification.catShfnsu")}</Table.Th>
                <Table.Th>{t("identification.catBoth")}</Table.Th>
                <Table.Th>{t("identification.catInsufficient")}</Table.Th>
                <Table.Th>{t("identification.ruralShare")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.data.municipalities.map((m) => (
                <Table.Tr key={m.municipalityId}>
                  <Table.Td>{m.municipalityName}</Table.Td>
                  <Table.Td>{formatNumber(m.schools)}</Table.Td>
                  <Table.Td>{formatNumber(m.shnro)}</Table.Td>
                  <Table.Td>{formatNumber(m.shfnsu)}</Table.Td>
                  <Table.Td>{formatNumber(m.both)}</Table.Td>
                  <Table.Td>{formatNumber(m.insufficientData)}</Table.Td>
                  <Table.Td>{m.ruralShare === null ? "—" : formatPercent(m.ruralShare)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Group gap="sm">
        {municipalityOptions.length > 1 && (
          <Select
            placeholder={t("identification.allMunicipalities")}
            data={municipalityOptions}
            value={municipalityId}
            onChange={setMunicipalityId}
            clearable
            searchable
            w={280}
            data-testid="results-municipality"
          />
        )}
        <Select
          placeholder={t("identification.allCategories")}
          data={categoryOptions}
          value={category}
          onChange={setCategory}
          clearable
          w={240}
          data-testid="results-category"
        />
      </Group>
      {results.isError && <Alert color="red">{results.error.message}</Alert>}
      {results.data?.length === 0 && <Text c="dimmed">{t("identification.noResults")}</Text>}
      {results.data && results.data.length > 0 && (
        <Paper p={0}>
          <Table verticalSpacing="xs" data-testid="results-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("identification.school")}</Table.Th>
                <Table.Th>{t("identification.municipality")}</Table.Th>
                <Table.Th>{t("identification.category")}</Table.Th>
                <Table.Th>{t("identification.reasons")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.data.map((r) => (
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
                  <Table.Td style={{ whiteSpace: "nowrap", minWidth: 160 }}>
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
      <RunCompare run={run} runs={runs} />
    </Stack>
  );
}
