import { Alert, Progress, Stack, Table, Text } from "@mantine/core";
import type { ImportSummary, Job } from "./import.queries";

/** The progress bar of a running job: rows done of the estimated total. */
export function JobProgress({ job }: { job: Job }) {
  const share = job.total > 0 ? Math.min(100, (job.done / job.total) * 100) : job.status === "done" ? 100 : 0;
  return (
    <Stack gap={4}>
      <Progress
        value={share}
        animated={job.status === "running" || job.status === "created"}
        aria-label="Ход загрузки"
      />
      <Text size="sm" c="dimmed">
        Строк обработано: {job.done.toLocaleString("ru-RU")}
        {job.total > 0 ? ` из ~${job.total.toLocaleString("ru-RU")}` : ""}
      </Text>
    </Stack>
  );
}

/** The outcome: new / changed / unchanged counts, or the errors by row and column. */
export function ImportResult({ summary }: { summary: ImportSummary }) {
  if (summary.errorCount > 0) {
    return (
      <Stack gap="sm">
        <Alert color="red" title="Ничего не записано">
          В файле ошибок: {summary.errorCount.toLocaleString("ru-RU")}
          {summary.errorCount > summary.errors.length ? ` (показаны первые ${summary.errors.length})` : ""}.
          Исправьте их и загрузите файл снова.
        </Alert>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Строка</Table.Th>
              <Table.Th>Столбец</Table.Th>
              <Table.Th>Ошибка</Table.Th>
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
  return (
    <Stack gap="sm">
      <Alert
        color={summary.dryRun ? "blue" : "green"}
        title={summary.dryRun ? "Проверка пройдена" : "Данные загружены"}
      >
        {summary.dryRun ? "Ошибок нет. Вот что изменится при загрузке:" : "Изменения записаны."}
      </Alert>
      <Table withTableBorder w={420}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>Строк в файле</Table.Td>
            <Table.Td>{summary.rows.toLocaleString("ru-RU")}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>Новых значений</Table.Td>
            <Table.Td>{summary.created.toLocaleString("ru-RU")}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>Изменённых</Table.Td>
            <Table.Td>{summary.updated.toLocaleString("ru-RU")}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>Без изменений</Table.Td>
            <Table.Td>{summary.unchanged.toLocaleString("ru-RU")}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
