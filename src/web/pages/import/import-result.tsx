import { Alert, Badge, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportChange, ImportSummary, Job } from "./import.queries";

const count = (n: number) => n.toLocaleString("ru-RU");
const figure = (n: number) => n.toLocaleString("ru-RU", { maximumFractionDigits: 6 });

/** The progress bar of a running job: rows done of the estimated total. */
export function JobProgress({ job }: { job: Job }) {
  const { t } = useTranslation();
  const share = job.total > 0 ? Math.min(100, (job.done / job.total) * 100) : job.status === "done" ? 100 : 0;
  return (
    <Stack gap={4}>
      <Progress
        value={share}
        animated={job.status === "running" || job.status === "created"}
        aria-label={t("import.progressLabel")}
      />
      <Text size="sm" c="dimmed">
        {t("import.progressRows", { done: count(job.done) })}
        {job.total > 0 ? t("import.progressOf", { total: count(job.total) }) : ""}
      </Text>
    </Stack>
  );
}

/** The outcome: new / changed / unchanged counts (and a dry run's changes), or the errors by row and column. */
export function ImportResult({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  if (summary.errorCount > 0) {
    const shown =
      summary.errorCount > summary.errors.length
        ? t("import.refusedShown", { count: summary.errors.length })
        : "";
    return (
      <Stack gap="sm">
        <Alert color="red" title={t("import.refusedTitle")}>
          {t("import.refusedText", { count: count(summary.errorCount), shown })}
        </Alert>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("import.errorRow")}</Table.Th>
              <Table.Th>{t("import.errorColumn")}</Table.Th>
              <Table.Th>{t("import.errorMessage")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.errors.map((error) => (
              <Table.Tr key={`${error.row}|${error.column}|${error.message}`}>
                <Table.Td>{error.row ?? "—"}</Table.Td>
                <Table.Td>{error.column ?? "—"}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    );
  }
  const ignored = summary.ignoredColumns ?? [];
  const rows: [string, number][] = [
    [t("import.rows"), summary.rows],
    [t("import.created"), summary.created],
    [t("import.updated"), summary.updated],
    [t("import.unchanged"), summary.unchanged],
  ];
  return (
    <Stack gap="sm">
      <Alert
        color={summary.dryRun ? "blue" : "green"}
        title={summary.dryRun ? t("import.dryRunOk") : t("import.done")}
      >
        {summary.dryRun ? t("import.dryRunOkText") : t("import.doneText")}
      </Alert>
      <Table withTableBorder w={420}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td>{count(value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {ignored.length > 0 && (
        <Text size="sm" c="orange.8" data-testid="result-ignored-columns">
          {t(summary.dryRun ? "import.ignoredColumns" : "import.resultIgnored", {
            columns: ignored.map((name) => `«${name}»`).join(", "),
          })}
        </Text>
      )}
      {summary.changes && summary.changes.length > 0 && (
        <ChangesTable changes={summary.changes} total={summary.created + summary.updated} />
      )}
    </Stack>
  );
}

/** The values a dry run would create or change: whose, which indicator and year, old → new. */
function ChangesTable({ changes, total }: { changes: ImportChange[]; total: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={5}>{t("import.changesTitle")}</Title>
      {total > changes.length && (
        <Text size="sm" c="dimmed">
          {t("import.changesShown", { shown: count(changes.length), total: count(total) })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={640} maxHeight={480}>
        <Table striped withTableBorder stickyHeader aria-label={t("import.changesTitle")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("import.changeRow")}</Table.Th>
              <Table.Th>{t("import.changeOwner")}</Table.Th>
              <Table.Th>{t("import.changeIndicator")}</Table.Th>
              <Table.Th>{t("import.changeYear")}</Table.Th>
              <Table.Th>{t("import.changeOld")}</Table.Th>
              <Table.Th>{t("import.changeNew")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={`${change.row}|${change.indicatorCode}|${change.code}|${change.year}`}>
                <Table.Td>{change.row}</Table.Td>
                <Table.Td>
                  {change.code} — {change.name}{" "}
                  {change.level === "municipality" && (
                    <Badge size="xs" variant="light">
                      {t("import.municipalityMark")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{change.indicatorCode}</Table.Td>
                <Table.Td>{change.year}</Table.Td>
                <Table.Td>
                  {change.oldValue === null ? (
                    <Text span c="dimmed" size="sm">
                      {t("import.changeNone")}
                    </Text>
                  ) : (
                    figure(change.oldValue)
                  )}
                </Table.Td>
                <Table.Td fw={500}>{figure(change.newValue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
