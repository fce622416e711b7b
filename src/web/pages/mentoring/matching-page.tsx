import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MatchingResult, PairRow } from "../../../shared/mentoring-api";
import { useWorkRegion } from "../../app/work-region";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { CandidatesTab } from "./candidates-tab";
import { ChangeMentorModal } from "./change-mentor-modal";
import { useDecidePair, usePairs, useRunMatching } from "./mentoring.queries";
import { MentorsRegistry } from "./mentors-registry";
import { PairStatusBadge } from "./pair-badges";

/**
 * «Подбор наставников»: runs the exact matching for the МОЦ's municipality (the region: the whole
 * region), lists the pairs with their score and reason, and lets the МОЦ confirm, change or reject each.
 */
export function MatchingPage() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  const [year, setYear] = useState<number | undefined>(undefined);
  const pairs = usePairs({ year, regionId: region.regionId }, region.isReady);
  const run = useRunMatching();
  const [last, setLast] = useState<MatchingResult | null>(null);
  const [changing, setChanging] = useState<PairRow | null>(null);
  const decide = useDecidePair();
  return (
    <Stack gap="md">
      <PageHeader title={t("mentoring.matching.title")} subtitle={t("mentoring.matching.subtitle")} />
      <QueryView query={pairs}>
        {(data) => {
          const years = [...new Set([data.year, ...data.years, data.year + 1])].sort((a, b) => b - a);
          return (
            <Stack gap="md">
              <Group gap="sm" align="flex-end">
                <Select
                  w={160}
                  label={t("mentoring.year")}
                  data={years.map((y) => ({ value: String(y), label: `${y - 1}/${y}` }))}
                  value={String(data.year)}
                  onChange={(v) => v && setYear(Number(v))}
                  allowDeselect={false}
                  data-testid="mentoring-year"
                />
                {data.canManage && (
                  <Button
                    data-testid="run-matching"
                    loading={run.isPending}
                    onClick={() =>
                      run.mutate(
                        { year: data.year, regionId: region.regionId },
                        { onSuccess: (result) => setLast(result) },
                      )
                    }
                  >
                    {t("mentoring.matching.run")}
                  </Button>
                )}
              </Group>
              {run.isError && <Alert color="red">{run.error.message}</Alert>}
              {decide.isError && <Alert color="red">{decide.error.message}</Alert>}
              {last && (
                <Alert color="blue" data-testid="matching-summary">
                  {t("mentoring.matching.summary", {
                    pairs: last.pairs.length,
                    teachers: last.teachers,
                    slots: last.slots,
                    total: last.total.toLocaleString("ru-RU"),
                  })}
                  {last.unassigned.length > 0 && (
                    <Text size="sm" mt={4}>
                      {t("mentoring.matching.unassigned")}:{" "}
                      {last.unassigned
                        .slice(0, 10)
                        .map((u) => `${u.fullName} (${u.schoolName}) — ${u.reason}`)
                        .join("; ")}
                      {last.unassigned.length > 10 ? "; …" : ""}
                    </Text>
                  )}
                </Alert>
              )}
              <Tabs defaultValue="pairs" keepMounted={false}>
                <Tabs.List mb="sm">
                  <Tabs.Tab value="pairs" data-testid="tab-pairs">
                    {t("mentoring.tabs.pairs")}
                  </Tabs.Tab>
                  <Tabs.Tab value="registry" data-testid="tab-registry">
                    {t("mentoring.tabs.registry")}
                  </Tabs.Tab>
                  <Tabs.Tab value="candidates" data-testid="tab-candidates">
                    {t("mentoring.tabs.candidates")}
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="candidates">
                  <CandidatesTab year={data.year} regionId={region.regionId} enabled={region.isReady} />
                </Tabs.Panel>
                <Tabs.Panel value="registry">
                  <MentorsRegistry year={data.year} regionId={region.regionId} enabled={region.isReady} />
                </Tabs.Panel>
                <Tabs.Panel value="pairs">
                  {data.pairs.length === 0 ? (
                    <Alert color="gray">{t("mentoring.matching.empty")}</Alert>
                  ) : (
                    <Paper withBorder p="sm">
                      <Table striped verticalSpacing="xs" data-testid="pairs-table">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t("mentoring.teacher")}</Table.Th>
                            <Table.Th>{t("mentoring.mentor")}</Table.Th>
                            <Table.Th>{t("mentoring.score")}</Table.Th>
                            <Table.Th>{t("mentoring.reason")}</Table.Th>
                            <Table.Th>{t("mentoring.statusTitle")}</Table.Th>
                            {data.canManage && <Table.Th />}
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {data.pairs.map((p) => (
                            <Table.Tr key={p.id} data-testid="pair-row" data-teacher={p.teacher.fullName}>
                              <Table.Td>
                                <Anchor component={Link} to={`/mentoring/pairs/${p.id}`}>
                                  {p.teacher.fullName}
                                </Anchor>
                                <Text size="xs" c="dimmed">
                                  {p.teacher.schoolName}, {p.teacher.municipalityName}
                                </Text>
                              </Table.Td>
                              <Table.Td>
                                {p.mentor.fullName}
                                <Text size="xs" c="dimmed">
                                  {[p.mentor.schoolName, p.mentor.municipalityName]
                                    .filter(Boolean)
                                    .join(", ")}
                                </Text>
                              </Table.Td>
                              <Table.Td>{p.score === null ? "—" : p.score.toLocaleString("ru-RU")}</Table.Td>
                              <Table.Td>
                                <Text size="sm" data-testid="pair-reason">
                                  {p.reason}
                                </Text>
                              </Table.Td>
                              <Table.Td>
                                <PairStatusBadge status={p.status} />
                              </Table.Td>
                              {data.canManage && (
                                <Table.Td>
                                  {p.status === "suggested" && (
                                    <Group gap={4} wrap="nowrap">
                                      <Button
                                        size="xs"
                                        color="green"
                                        data-testid="confirm-pair"
                                        onClick={() => decide.mutate({ id: p.id, action: "confirm" })}
                                      >
                                        {t("mentoring.confirm")}
                                      </Button>
                                      <Button
                                        size="xs"
                                        variant="light"
                                        data-testid="change-pair"
                                        onClick={() => setChanging(p)}
                                      >
                                        {t("mentoring.change")}
                                      </Button>
                                      <Button
                                        size="xs"
                                        variant="subtle"
                                        color="red"
                                        data-testid="reject-pair"
                                        onClick={() => decide.mutate({ id: p.id, action: "reject" })}
                                      >
                                        {t("mentoring.reject")}
                                      </Button>
                                    </Group>
                                  )}
                                </Table.Td>
                              )}
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Paper>
                  )}
                </Tabs.Panel>
              </Tabs>
            </Stack>
          );
        }}
      </QueryView>
      {changing && <ChangeMentorModal pair={changing} onClose={() => setChanging(null)} />}
    </Stack>
  );
}
