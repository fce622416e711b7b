import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { IndicatorValue, MonitoringStage } from "../../../core/monitoring";
import type { ReportView } from "../../../shared/monitoring-api";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { reportPath, useReport, useReportWrites } from "./monitoring.queries";
import { STATUS_COLORS } from "./monitoring-page";

type Entry = { value: IndicatorValue; comment: string };
type Indicator = ReportView["indicators"][number];

function ValueText({ value }: { value: IndicatorValue }) {
  const { t } = useTranslation();
  if (value === true) return <Badge color="green">{t("monitoring.yes")}</Badge>;
  if (value === false) return <Badge color="gray">{t("monitoring.no")}</Badge>;
  if (typeof value === "number") return <Text>{value}</Text>;
  return <Text c="dimmed">{t("monitoring.notSet")}</Text>;
}

function ValueInput({
  ind,
  entry,
  onChange,
}: {
  ind: Indicator;
  entry: Entry;
  onChange: (e: Entry) => void;
}) {
  const { t } = useTranslation();
  if (ind.valueType === "number")
    return (
      <NumberInput
        size="xs"
        min={0}
        value={typeof entry.value === "number" ? entry.value : ""}
        onChange={(v) => onChange({ ...entry, value: typeof v === "number" ? v : null })}
      />
    );
  return (
    <SegmentedControl
      size="xs"
      data-testid={`value-${ind.code}`}
      value={entry.value === true ? "yes" : entry.value === false ? "no" : "unset"}
      onChange={(v) => onChange({ ...entry, value: v === "yes" ? true : v === "no" ? false : null })}
      data={[
        { value: "yes", label: t("monitoring.yes") },
        { value: "no", label: t("monitoring.no") },
        { value: "unset", label: "—" },
      ]}
    />
  );
}

function ReportForm({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const writes = useReportWrites(report.schoolId, report.year, report.stage);
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(report.indicators.map((i) => [i.code, { value: i.value, comment: i.comment }])),
  );
  const [narrative, setNarrative] = useState(report.narrative);
  const [mocComment, setMocComment] = useState(report.mocComment);
  const [indicatorComments, setIndicatorComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(report.indicators.map((i) => [i.code, i.mocComment])),
  );
  const [returnMessage, setReturnMessage] = useState("");
  const { canEdit, canReview } = report.permissions;
  const payload = () => ({
    entries: Object.fromEntries(
      report.indicators
        .filter((i) => i.source === "reported")
        .map((i) => [i.code, entries[i.code] ?? { value: null, comment: "" }]),
    ),
    narrative,
  });
  const error = writes.save.error ?? writes.transition.error ?? writes.review.error;
  return (
    <Stack>
      {report.status === "returned" && report.returnMessage && (
        <Alert color="orange" title={t("monitoring.returnedWith")}>
          {report.returnMessage}
        </Alert>
      )}
      {error && <Alert color="red">{error.message}</Alert>}
      <Table withTableBorder data-testid="monitoring-indicators">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>{t("monitoring.code")}</Table.Th>
            <Table.Th>{t("monitoring.indicator")}</Table.Th>
            <Table.Th w={200}>{t("monitoring.value")}</Table.Th>
            <Table.Th w={220}>{t("monitoring.comment")}</Table.Th>
            <Table.Th w={220}>{t("monitoring.mocComment")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.criteria.map((c) => (
            <Fragment key={c.code}>
              <Table.Tr bg="gray.1">
                <Table.Td colSpan={5}>
                  <Text fw={600}>
                    {c.code}. {c.title}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {report.indicators
                .filter((i) => i.criterion === c.code)
                .map((ind) => {
                  const entry = entries[ind.code] ?? { value: null, comment: "" };
                  const editable = canEdit && ind.source === "reported";
                  return (
                    <Table.Tr key={ind.code} data-testid={`indicator-${ind.code}`}>
                      <Table.Td>{ind.code}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{ind.wording}</Text>
                        <Text size="xs" c="dimmed">
                          {ind.source === "computed"
                            ? `${t("monitoring.computed")}: ${ind.rule}`
                            : t("monitoring.reported")}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {editable ? (
                          <ValueInput
                            ind={ind}
                            entry={entry}
                            onChange={(e) => setEntries({ ...entries, [ind.code]: e })}
                          />
                        ) : (
                          <ValueText value={ind.value} />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {editable ? (
                          <TextInput
                            size="xs"
                            value={entry.comment}
                            onChange={(e) =>
                              setEntries({
                                ...entries,
                                [ind.code]: { ...entry, comment: e.currentTarget.value },
                              })
                            }
                          />
                        ) : (
                          <Text size="sm">{ind.comment}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {canReview ? (
                          <TextInput
                            size="xs"
                            data-testid={`moc-comment-${ind.code}`}
                            value={indicatorComments[ind.code] ?? ""}
                            onChange={(e) =>
                              setIndicatorComments({
                                ...indicatorComments,
                                [ind.code]: e.currentTarget.value,
                              })
                            }
                          />
                        ) : (
                          <Text size="sm">{ind.mocComment}</Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md">
        <Stack>
          <Textarea
            label={t("monitoring.narrative")}
            description={t("monitoring.narrativeHint")}
            autosize
            minRows={5}
            value={narrative}
            readOnly={!canEdit}
            onChange={(e) => setNarrative(e.currentTarget.value)}
            data-testid="monitoring-narrative"
          />
          {canEdit && (
            <Group>
              <Button
                variant="default"
                loading={writes.save.isPending}
                onClick={() => writes.save.mutate(payload())}
              >
                {t("monitoring.save")}
              </Button>
              <Button
                data-testid="monitoring-submit"
                loading={writes.transition.isPending}
                onClick={async () => {
                  await writes.save.mutateAsync(payload());
                  writes.transition.mutate({ action: "submit", message: "" });
                }}
              >
                {t("monitoring.submit")}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {(canReview || report.mocComment) && (
        <Paper withBorder p="md">
          <Stack>
            <Textarea
              label={t("monitoring.reportComment")}
              autosize
              minRows={3}
              value={mocComment}
              readOnly={!canReview}
              onChange={(e) => setMocComment(e.currentTarget.value)}
              data-testid="monitoring-moc-comment"
            />
            {canReview && (
              <Group align="end">
                <Button
                  variant="default"
                  data-testid="monitoring-save-review"
                  loading={writes.review.isPending}
                  onClick={() => writes.review.mutate({ mocComment, indicatorComments })}
                >
                  {t("monitoring.saveReview")}
                </Button>
                {report.status === "submitted" && (
                  <Button
                    color="green"
                    data-testid="monitoring-approve"
                    onClick={async () => {
                      await writes.review.mutateAsync({ mocComment, indicatorComments });
                      writes.transition.mutate({ action: "approve", message: "" });
                    }}
                  >
                    {t("monitoring.approve")}
                  </Button>
                )}
                <TextInput
                  label={t("monitoring.returnMessage")}
                  value={returnMessage}
                  onChange={(e) => setReturnMessage(e.currentTarget.value)}
                  w={320}
                />
                <Button
                  color="orange"
                  variant="light"
                  onClick={() => writes.transition.mutate({ action: "return", message: returnMessage })}
                >
                  {t("monitoring.return")}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      {report.events.length > 0 && (
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t("monitoring.history")}
          </Text>
          {report.events.map((e) => (
            <Text size="sm" key={`${e.at}-${e.toStatus}`}>
              {new Date(e.at).toLocaleString("ru-RU")} — {e.actorName}:{" "}
              {t(`monitoring.statuses.${e.toStatus as "draft"}`)}
              {e.message ? ` («${e.message}»)` : ""}
            </Text>
          ))}
        </Paper>
      )}
    </Stack>
  );
}

/** A school's monitoring report of a year and stage: fill and submit (the school), comment and decide (the МОЦ). */
export function ReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const schoolId = parseId(params.id) ?? 0;
  const year = Number(params.year) || new Date().getUTCFullYear();
  const stage: MonitoringStage = params.stage === "entry" ? "entry" : "final";
  const query = useReport(schoolId, year, stage);
  const go = (y: number, s: MonitoringStage) => navigate(`/schools/${schoolId}/monitoring/${y}/${s}`);
  return (
    <QueryView query={query}>
      {(report) => (
        <Stack>
          <PageHeader
            title={`${t("monitoring.reportTitle")}: ${report.schoolName}`}
            subtitle={`${report.municipalityName} · ${t("monitoring.templateVersion", { version: report.templateVersion })}`}
            crumbs={[{ label: t("monitoring.title"), to: "/monitoring" }]}
            actions={
              <Button
                component="a"
                variant="default"
                href={`${reportPath(schoolId, year, stage)}/report.docx`}
              >
                {t("monitoring.docx")}
              </Button>
            }
          />
          <Group>
            <SegmentedControl
              value={String(year)}
              onChange={(v) => go(Number(v), stage)}
              data={[year - 1, year, year + 1].map((y) => ({ value: String(y), label: String(y) }))}
            />
            <SegmentedControl
              value={stage}
              onChange={(v) => go(year, v === "entry" ? "entry" : "final")}
              data={[
                { value: "entry", label: t("monitoring.stages.entry") },
                { value: "final", label: t("monitoring.stages.final") },
              ]}
            />
            <Badge size="lg" color={STATUS_COLORS[report.status]} data-testid="monitoring-status">
              {t(`monitoring.statuses.${report.status}`)}
            </Badge>
          </Group>
          {!report.isProgrammeSchool && <Alert color="gray">{t("monitoring.notProgramme")}</Alert>}
          <ReportForm key={`${report.id}-${report.status}-${year}-${stage}`} report={report} />
        </Stack>
      )}
    </QueryView>
  );
}
