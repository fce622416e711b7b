import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PROFESSIONAL_BLOCK_LABELS } from "../../../core/teachers";
import { MessagePage } from "../../components/message-page";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { ChangeMentorModal } from "./change-mentor-modal";
import { DeficitChart } from "./deficit-chart";
import { MeetingForm } from "./meeting-form";
import { useDecidePair, usePair } from "./mentoring.queries";
import { PairStatusBadge } from "./pair-badges";

/** The pair card: who with whom and why, the decision, the meetings, the mentee's deficit change. */
export function PairPage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  if (id === null) return <MessagePage title={t("errors.notFoundTitle")} text={t("errors.notFoundText")} />;
  return <PairCard id={id} />;
}

function PairCard({ id }: { id: number }) {
  const { t } = useTranslation();
  const card = usePair(id);
  const decide = useDecidePair();
  const [changing, setChanging] = useState(false);
  return (
    <QueryView query={card}>
      {(data) => {
        const { pair } = data;
        return (
          <Stack gap="md">
            <PageHeader
              title={`${pair.teacher.fullName} — ${pair.mentor.fullName}`}
              subtitle={`${pair.teacher.schoolName}, ${pair.teacher.municipalityName} · ${pair.year - 1}/${pair.year}`}
              crumbs={[{ label: t("mentoring.title"), to: data.canManage ? "/mentoring" : "/mentoring/my" }]}
            />
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Group gap="sm">
                  <PairStatusBadge status={pair.status} />
                  {pair.score !== null && (
                    <Text size="sm">
                      {t("mentoring.score")}: <b>{pair.score.toLocaleString("ru-RU")}</b>
                    </Text>
                  )}
                </Group>
                <Text data-testid="pair-reason">{pair.reason}</Text>
                {decide.isError && <Alert color="red">{decide.error.message}</Alert>}
                {data.canManage && pair.status === "suggested" && (
                  <Group gap="xs">
                    <Button
                      color="green"
                      onClick={() => decide.mutate({ id, action: "confirm" })}
                      data-testid="confirm-pair"
                    >
                      {t("mentoring.confirm")}
                    </Button>
                    <Button variant="light" onClick={() => setChanging(true)}>
                      {t("mentoring.change")}
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      onClick={() => decide.mutate({ id, action: "reject" })}
                    >
                      {t("mentoring.reject")}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
            <Title order={4}>{t("mentoring.pair.deficits")}</Title>
            <DeficitChart change={data.deficitChange} />
            {data.deficitChange.blocks.length > 0 && (
              <Table withTableBorder data-testid="deficit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("mentoring.pair.block")}</Table.Th>
                    <Table.Th>{t("mentoring.pair.before")}</Table.Th>
                    <Table.Th>{t("mentoring.pair.after")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.deficitChange.blocks.map((b) => (
                    <Table.Tr key={b.block}>
                      <Table.Td>{PROFESSIONAL_BLOCK_LABELS[b.block]}</Table.Td>
                      <Table.Td>{b.before ?? "—"}</Table.Td>
                      <Table.Td>
                        {b.after ?? "—"}
                        {b.before !== null && b.after !== null && b.after !== b.before
                          ? ` (${b.after > b.before ? "+" : ""}${b.after - b.before})`
                          : ""}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Title order={4}>{t("mentoring.pair.meetings")}</Title>
            {data.meetings.length === 0 ? (
              <Text c="dimmed">{t("mentoring.pair.noMeetings")}</Text>
            ) : (
              <Table striped data-testid="meetings-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("mentoring.meeting.date")}</Table.Th>
                    <Table.Th>{t("mentoring.meeting.format")}</Table.Th>
                    <Table.Th>{t("mentoring.meeting.topic")}</Table.Th>
                    <Table.Th>{t("mentoring.meeting.outcome")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.meetings.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{new Date(m.heldOn).toLocaleDateString("ru-RU")}</Table.Td>
                      <Table.Td>{t(`mentoring.format.${m.format}`)}</Table.Td>
                      <Table.Td>{m.topic}</Table.Td>
                      <Table.Td>{m.outcome}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {data.canMeet && (
              <Paper withBorder p="md">
                <Title order={5} mb="sm">
                  {t("mentoring.meeting.add")}
                </Title>
                <MeetingForm pairId={id} />
              </Paper>
            )}
            {changing && <ChangeMentorModal pair={pair} onClose={() => setChanging(false)} />}
          </Stack>
        );
      }}
    </QueryView>
  );
}
