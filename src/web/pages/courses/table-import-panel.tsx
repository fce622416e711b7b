import { Alert, Button, FileInput, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../app/session";
import { useTableImport } from "./courses.queries";

/** Upload of an XLSX/CSV table: check first (a dry run), then load; problems listed by row and column. */
export function TableImportPanel({
  url,
  invalidate,
  hint,
}: {
  url: string;
  invalidate: string;
  hint: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  const run = useTableImport(url, me.csrfToken, invalidate);
  const result = run.data;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      <Group align="flex-end">
        <FileInput
          label={t("events.import.file")}
          accept=".xlsx,.csv"
          value={file}
          onChange={setFile}
          w={320}
          data-testid="table-import-file"
        />
        <Button
          variant="light"
          disabled={!file}
          loading={run.isPending}
          onClick={() => file && run.mutate({ file, dryRun: true })}
        >
          {t("events.import.check")}
        </Button>
        <Button
          disabled={!file || !result?.dryRun || result.errorCount > 0}
          loading={run.isPending}
          onClick={() => file && run.mutate({ file, dryRun: false })}
        >
          {t("events.import.load")}
        </Button>
      </Group>
      {run.isError && <Alert color="red">{run.error.message}</Alert>}
      {result && result.errorCount === 0 && (
        <Alert color={result.dryRun ? "blue" : "teal"}>
          {result.dryRun
            ? t("events.import.checked", { rows: result.rows })
            : t("events.import.loaded", { created: result.created, updated: result.updated })}
        </Alert>
      )}
      {result && result.errorCount > 0 && (
        <Alert color="red" title={t("events.import.refused", { count: result.errorCount })}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("events.import.row")}</Table.Th>
                <Table.Th>{t("events.import.column")}</Table.Th>
                <Table.Th>{t("events.import.problem")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.errors.map((e) => (
                <Table.Tr key={`${e.row}-${e.column}-${e.message}`}>
                  <Table.Td>{e.row ?? "—"}</Table.Td>
                  <Table.Td>{e.column ?? "—"}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
    </Stack>
  );
}
