import { Button, Group, Paper, SimpleGrid, Stack, Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Run } from "../../../core/identification/api.schema";
import { formatNumber, formatPercent } from "../../components/format";
import { StatCard } from "../../components/stat-card";
import { useRunSummary } from "./identification.queries";
import { ApprovalStatus, ApproveRunButton, WithdrawRunButton } from "./run-approval";
import { RunCompare } from "./run-compare";
import { RunResults } from "./run-results";

/** One run: counts, municipality summary, the paged results with reasons, exports, approval and withdrawal, comparison. */
export function RunView({ run, runs }: { run: Run; runs: Run[] }) {
  const { t } = useTranslation();
  const summary = useRunSummary(run.id);
  const total = summary.data?.total ?? run.counts;
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
            <ApproveRunButton
              run={run}
              replaces={runs.find((r) => r.year === run.year && r.status === "approved" && r.id !== run.id)}
            />
          )}
          {run.permissions.canWithdraw && <WithdrawRunButton run={run} />}
        </Group>
      </Group>
      <ApprovalStatus run={run} />
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
      <RunResults run={run} summary={summary.data} />
      <RunCompare run={run} runs={runs} />
    </Stack>
  );
}
