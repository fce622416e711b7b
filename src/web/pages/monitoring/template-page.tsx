import { Alert, Button, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { monitoringTemplateSchema } from "../../../core/monitoring";
import type { TemplateView } from "../../../shared/monitoring-api";
import { useWorkRegion } from "../../app/work-region";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useTemplate, useTemplateSave } from "./monitoring.queries";

function TemplateEditor({ view }: { view: TemplateView }) {
  const { t } = useTranslation();
  const save = useTemplateSave();
  const [text, setText] = useState(() => JSON.stringify(view.content, null, 2));
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const onSave = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setProblem(t("monitoring.badJson"));
      return;
    }
    const checked = monitoringTemplateSchema.safeParse(parsed);
    if (!checked.success) {
      setProblem(checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      return;
    }
    setProblem(null);
    save.mutate({ regionId: view.regionId, content: checked.data, note });
  };
  return (
    <Stack>
      <Text size="sm">{t("monitoring.templateHint")}</Text>
      {problem && <Alert color="red">{problem}</Alert>}
      {save.error && <Alert color="red">{save.error.message}</Alert>}
      <Textarea
        autosize
        minRows={16}
        maxRows={30}
        styles={{ input: { fontFamily: "monospace", fontSize: 12 } }}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <TextInput
        label={t("monitoring.templateNote")}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button onClick={onSave} loading={save.isPending} w={260}>
        {t("monitoring.saveVersion")}
      </Button>
    </Stack>
  );
}

/** The region's monitoring template: criteria and indicators with their rules, versions, and a JSON editor for the region. */
export function TemplatePage() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  const query = useTemplate(region.regionId, region.isReady);
  return (
    <QueryView query={query}>
      {(view) => (
        <Stack>
          <PageHeader
            title={t("monitoring.templateTitle")}
            subtitle={t("monitoring.templateVersion", { version: view.current.version })}
            crumbs={[{ label: t("monitoring.title"), to: "/monitoring" }]}
          />
          <Table striped withTableBorder data-testid="template-indicators">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("monitoring.code")}</Table.Th>
                <Table.Th>{t("monitoring.indicator")}</Table.Th>
                <Table.Th>{t("monitoring.rule")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.content.criteria.flatMap((c) => [
                <Table.Tr key={`c${c.code}`} bg="gray.1">
                  <Table.Td colSpan={3}>
                    <Text fw={600}>
                      {c.code}. {c.title}
                    </Text>
                  </Table.Td>
                </Table.Tr>,
                ...view.content.indicators
                  .filter((i) => i.criterion === c.code)
                  .map((i) => (
                    <Table.Tr key={i.code}>
                      <Table.Td>{i.code}</Table.Td>
                      <Table.Td>{i.wording}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c={i.source.kind === "computed" ? undefined : "dimmed"}>
                          {i.source.kind === "computed"
                            ? view.rules[i.source.rule]
                            : t("monitoring.reported")}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )),
              ])}
            </Table.Tbody>
          </Table>
          <Text fw={600}>{t("monitoring.versions")}</Text>
          {view.versions.map((v) => (
            <Text size="sm" key={v.id}>
              {v.version}. {new Date(v.createdAt).toLocaleDateString("ru-RU")} — {v.createdByName}
              {v.note ? `: ${v.note}` : ""}
            </Text>
          ))}
          {view.canEdit && <TemplateEditor key={view.current.id} view={view} />}
        </Stack>
      )}
    </QueryView>
  );
}
