import { Alert, Button, Group, JsonInput, List, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Workbook } from "../../../core/causes/workbook.schema";
import { ApiRequestError } from "../../app/api-client";
import { useSaveWorkbook } from "./catalogue.queries";

/**
 * The workbook as JSON for the region to edit: saved as the next version after the server's check
 * (validateWorkbook), whose problems are listed by section and question.
 */
export function WorkbookJsonEditor({ workbook, onDone }: { workbook: Workbook; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(workbook, null, 2));
  const [note, setNote] = useState("");
  const [parseError, setParseError] = useState<string | null>(null);
  const save = useSaveWorkbook();
  const issues = save.error instanceof ApiRequestError ? save.error.issues : [];
  const onSave = () => {
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (error) {
      setParseError(
        t("causes.catalogue.jsonInvalid", { message: error instanceof Error ? error.message : "" }),
      );
      return;
    }
    setParseError(null);
    save.mutate(
      { definition, note },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: "teal",
            message: t("causes.catalogue.savedVersion", { version: saved.version }),
          });
          onDone();
        },
      },
    );
  };
  return (
    <Stack gap="sm" data-testid="workbook-json-editor">
      {parseError && <Alert color="red">{parseError}</Alert>}
      {save.isError && (
        <Alert color="red" variant="light" data-testid="workbook-json-error">
          {issues.length > 0 ? (
            <List size="sm">
              {issues.map((issue) => (
                <List.Item key={`${issue.path}:${issue.message}`}>{issue.message}</List.Item>
              ))}
            </List>
          ) : (
            save.error.message
          )}
        </Alert>
      )}
      <TextInput
        label={t("causes.catalogue.note")}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <JsonInput
        value={text}
        onChange={setText}
        autosize
        minRows={20}
        maxRows={40}
        formatOnBlur
        styles={{ input: { fontFamily: "monospace", fontSize: 12 } }}
      />
      <Group>
        <Button onClick={onSave} loading={save.isPending} data-testid="workbook-json-save">
          {t("causes.catalogue.saveVersion")}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}
