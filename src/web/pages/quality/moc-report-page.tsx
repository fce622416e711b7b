import { Badge, Button, Card, FileButton, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { MocReportDetail } from "../../../shared/quality-api";
import { useMe } from "../../app/session";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { MocReportEditor } from "./moc-report-editor";
import { FlagList } from "./pair-view";
import { useDeleteMocReport, useMocReport, useUploadMocReportDocx } from "./quality.queries";

function ReportView({ report }: { report: MocReportDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={3}>{t("quality.report.sections")}</Title>
      {report.sourceFileName && (
        <Text size="sm" c="dimmed">
          {t("quality.report.source", { name: report.sourceFileName })}
        </Text>
      )}
      {report.sections.length === 0 && <Text c="dimmed">{t("quality.report.noSections")}</Text>}
      {report.sections.map((section) => (
        <Card withBorder key={`${section.title}\u0000${section.text}`}>
          {section.title && <Text fw={500}>{section.title}</Text>}
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {section.text}
          </Text>
        </Card>
      ))}
      <Title order={3}>{t("quality.report.recommendations")}</Title>
      {report.recommendations.length === 0 && <Text c="dimmed">{t("quality.report.noRecommendations")}</Text>}
      {report.recommendations.map((item, index) => (
        <Card withBorder key={item.text} data-testid="recommendation">
          <Text size="sm">
            {index + 1}. {item.text}
          </Text>
          <Group gap={4} mt={4}>
            {item.indicatorLabels.map((label) => (
              <Badge key={label} variant="light">
                {label}
              </Badge>
            ))}
            {item.causeLabels.map((label) => (
              <Badge key={label} variant="light" color="grape">
                {label}
              </Badge>
            ))}
            {item.indicatorLabels.length + item.causeLabels.length === 0 && (
              <Badge variant="light" color="orange">
                {t("quality.report.unlinked")}
              </Badge>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function Report({ report }: { report: MocReportDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const upload = useUploadMocReportDocx(report.id, me.csrfToken);
  const remove = useDeleteMocReport(report.id);
  useDocumentTitle(report.title);
  const back = `/quality?year=${report.year}`;
  return (
    <Stack>
      <PageHeader
        title={report.title}
        subtitle={report.municipalityName}
        crumbs={[{ label: t("quality.title"), to: back }]}
        actions={
          report.canEdit && !isEditing ? (
            <Group>
              <FileButton accept=".docx" onChange={(file) => file && upload.mutate(file)}>
                {(props) => (
                  <Button variant="light" loading={upload.isPending} {...props}>
                    {t("quality.report.upload")}
                  </Button>
                )}
              </FileButton>
              <Button onClick={() => setEditing(true)}>{t("quality.report.edit")}</Button>
              <Button color="red" variant="subtle" onClick={() => setDeleting(true)}>
                {t("quality.report.delete")}
              </Button>
            </Group>
          ) : undefined
        }
      />
      {upload.error && <Text c="red">{upload.error.message}</Text>}
      <Title order={3}>
        {t("quality.report.flags")} ({report.flags.length})
      </Title>
      <FlagList flags={report.flags} />
      {isEditing ? (
        <MocReportEditor report={report} onDone={() => setEditing(false)} />
      ) : (
        <ReportView report={report} />
      )}
      <ConfirmDialog
        opened={isDeleting}
        title={t("quality.report.delete")}
        text={t("quality.report.deleteConfirm")}
        confirmLabel={t("quality.report.delete")}
        isPending={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate(back) })}
        onClose={() => setDeleting(false)}
      />
    </Stack>
  );
}

/** A МОЦ report: its flags, its text and its recommendations; its МОЦ edits it or loads its text from a DOCX. */
export function MocReportPage() {
  const id = parseId(useParams().id);
  const query = useMocReport(id ?? 0);
  return <QueryView query={query}>{(report) => <Report report={report} />}</QueryView>;
}
