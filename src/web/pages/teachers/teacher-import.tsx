import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeacherImportResult } from "../../../shared/teachers-api";
import { useMe } from "../../app/session";
import { useTeacherImport } from "./teachers.queries";

/** The import of the registry or of test results: check the file (dry run), then load it, all or nothing. */
export function TeacherImport() {
  const { t } = useTranslation();
  const me = useMe();
  const [kind, setKind] = useState<"registry" | "tests">("registry");
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TeacherImportResult | null>(null);
  const send = useTeacherImport(me.csrfToken);
  const run = (dryRun: boolean) => {
    if (!file) return;
    send.mutate({ file, kind, dryRun }, { onSuccess: setResult });
  };
  return (
    <Paper withBorder p="md" data-testid="teacher-import">
      <Stack gap="sm">
        <Title order={4}>{t("teachers.import.title")}</Title>
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            setKind(v === "tests" ? "tests" : "registry");
            setResult(null);
          }}
          data={[
            { value: "registry", label: t("teachers.import.registry") },
            { value: "tests", label: t("teachers.import.tests") },
          ]}
        />
        <Text size="sm" c="dimmed">
          {kind === "registry" ? t("teachers.import.hintRegistry") : t("teachers.import.hintTests")}
        </Text>
        <FileInput
          label={t("teachers.import.file")}
          accept=".xlsx,.csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setResult(null);
          }}
          clearable
        />
        <Group>
          <Button variant="light" disabled={!file} loading={send.isPending} onClick={() => run(true)}>
            {t("teachers.import.check")}
          </Button>
          <Button
            disabled={!file || !result || result.errors.length > 0 || !result.dryRun}
            loading={send.isPending}
            onClick={() => run(false)}
          >
            {t("teachers.import.apply")}
          </Button>
        </Group>
        {send.error && <Alert color="red">{send.error.message}</Alert>}
        {result && <ImportOutcome result={result} />}
      </Stack>
    </Paper>
  );
}

function ImportOutcome({ result }: { result: TeacherImportResult }) {
  const { t } = useTranslation();
  if (result.errors.length > 0) {
    return (
      <Alert color="red" title={t("teachers.import.errors")} data-testid="teacher-import-errors">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("teachers.import.row")}</Table.Th>
              <Table.Th>{t("teachers.import.column")}</Table.Th>
              <Table.Th>{t("teachers.import.message")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id and never reorder
              <Table.Tr key={i}>
                <Table.Td>{e.row ?? "—"}</Table.Td>
                <Table.Td>{e.column ?? "—"}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Alert>
    );
  }
  return (
    <Alert color="green" data-testid="teacher-import-ok">
      {t("teachers.import.ok", result)}{" "}
      {result.dryRun ? t("teachers.import.dryRunDone") : t("teachers.import.done")}
    </Alert>
  );
}
