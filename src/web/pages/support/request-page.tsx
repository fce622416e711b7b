import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { formatDateRu } from "../../../core/plans/iso-date";
import { formatDuration } from "../../../core/support";
import type { RequestDetail } from "../../../shared/support-api";
import { formatMoscowDateTime } from "../../components/format";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { OverdueBadge, RequestStatusBadge } from "./request-badges";
import { AssignForm, RecordForm } from "./request-forms";
import { sendRequestAction, useRequest, useRequestWrite } from "./support.queries";

function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The four moments and the time each stage took. */
function Stages({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const moment = (iso: string | null) => (iso ? formatMoscowDateTime(iso) : t("support.request.notYet"));
  const took = (minutes: number | null) =>
    minutes === null ? t("support.request.notYet") : formatDuration(minutes);
  const d = request.durations;
  return (
    <Paper data-testid="request-stages">
      <Title order={4} mb="sm">
        {t("support.request.stages")}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {(
          [
            ["filed", request.createdAt],
            ["assigned", request.assignedAt],
            ["started", request.startedAt],
            ["done", request.doneAt],
          ] as const
        ).map(([key, at]) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`support.request.${key}`)}
            </Text>
            <Text size="sm">{moment(at)}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, md: 4 }} mt="sm" data-testid="stage-durations">
        {(
          [
            ["waiting", d.waiting],
            ["assignedStage", d.assigned],
            ["inWork", d.inWork],
            ["total", d.total],
          ] as const
        ).map(([key, minutes]) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`support.request.${key}`)}
            </Text>
            <Text size="sm" fw={600} data-testid={`duration-${key}`}>
              {took(minutes)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Sessions({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <Paper data-testid="request-sessions">
      <Title order={4} mb="xs">
        {t("support.request.sessions")}
      </Title>
      <Text size="sm" mb="xs" data-testid="request-reached">
        {t("support.request.reached", request.reached)}
      </Text>
      {request.sessions.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("support.request.noSessions")}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {request.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{formatDateRu(s.heldOn)}</Table.Td>
                <Table.Td>{t(`support.request.${s.kind}`)}</Table.Td>
                <Table.Td>
                  {s.counts
                    .map(
                      (c) =>
                        `${t(`support.target.${c.group}`)} (${t(`support.ageBand.${c.ageBand}`)}): ${c.count}`,
                    )
                    .join("; ")}
                </Table.Td>
                <Table.Td>{s.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** A specialist request: what is asked, its stages and their times, the work recorded, and the next step. */
export function RequestPage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  const request = useRequest(id);
  useDocumentTitle(t("support.request.title", { id }));
  const complete = useRequestWrite(id ?? 0, () => sendRequestAction(id ?? 0, "complete"));
  return (
    <QueryView query={request}>
      {(r) => (
        <Stack>
          <PageHeader
            title={t("support.request.title", { id: r.id })}
            subtitle={`${r.school.code} ${r.school.name} · ${r.school.municipalityName}`}
            crumbs={[{ label: t("support.navRequests"), to: "/support/requests" }]}
            actions={
              r.permissions.canComplete && (
                <Button
                  color="green"
                  onClick={() => complete.mutate(undefined)}
                  loading={complete.isPending}
                  data-testid="request-complete"
                >
                  {t("support.request.complete")}
                </Button>
              )
            }
          />
          <Paper>
            <Group gap="sm" mb="xs">
              <RequestStatusBadge status={r.status} />
              {r.overdue && <OverdueBadge sentence={r.overdue.sentence} />}
              <Text size="sm">
                {t(`support.specialistKind.${r.specialistKind}`)} · {t(`support.target.${r.target}`)}
              </Text>
            </Group>
            <Text>{r.reason}</Text>
            {r.overdue && (
              <Text c="red" size="sm" mt="xs">
                {r.overdue.sentence}
              </Text>
            )}
            {r.specialist && (
              <Text size="sm" mt="xs" data-testid="request-specialist">
                {t("support.requests.specialist")}: {r.specialist.fullName}
                {r.scheduledOn ? `, ${formatDateRu(r.scheduledOn)}` : ""}
              </Text>
            )}
          </Paper>
          <Stages request={r} />
          {r.permissions.canAssign && <AssignForm requestId={r.id} filedOn={r.filedOn} />}
          {r.permissions.canRecord && <RecordForm requestId={r.id} today={todayLocal()} />}
          <Sessions request={r} />
        </Stack>
      )}
    </QueryView>
  );
}
