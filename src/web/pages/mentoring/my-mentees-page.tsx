import { Alert, Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PROFESSIONAL_BLOCK_LABELS } from "../../../core/teachers";
import type { PairRow } from "../../../shared/mentoring-api";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { MeetingForm } from "./meeting-form";
import { usePairs } from "./mentoring.queries";

/** «Мои подопечные»: a mentor's confirmed pairs (a МОЦ: its municipality's), each with a meeting form. */
export function MyMenteesPage() {
  const { t } = useTranslation();
  const pairs = usePairs({ status: "confirmed" });
  const [meeting, setMeeting] = useState<PairRow | null>(null);
  return (
    <Stack gap="md">
      <PageHeader title={t("mentoring.my.title")} subtitle={t("mentoring.my.subtitle")} />
      <QueryView query={pairs}>
        {(data) =>
          data.pairs.length === 0 ? (
            <Alert color="gray">{t("mentoring.my.empty")}</Alert>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {data.pairs.map((p) => (
                <Card key={p.id} withBorder data-testid="mentee-card" data-teacher={p.teacher.fullName}>
                  <Stack gap={6}>
                    <Anchor component={Link} to={`/mentoring/pairs/${p.id}`} fw={600}>
                      {p.teacher.fullName}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {p.teacher.schoolName}, {p.teacher.municipalityName}
                      {p.teacher.subjects.length > 0 ? ` · ${p.teacher.subjects.join(", ")}` : ""}
                    </Text>
                    <Group gap={4}>
                      {p.blocks.map((b) => (
                        <Badge key={b} variant="light">
                          {PROFESSIONAL_BLOCK_LABELS[b]}
                        </Badge>
                      ))}
                    </Group>
                    <Text size="sm">{p.reason}</Text>
                    <Group justify="space-between">
                      <Text size="sm" data-testid="mentee-meetings">
                        {t("mentoring.my.meetings", { count: p.meetings })}
                      </Text>
                      {data.canMeet && (
                        <Button size="xs" onClick={() => setMeeting(p)} data-testid="add-meeting">
                          {t("mentoring.meeting.add")}
                        </Button>
                      )}
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryView>
      {meeting && (
        <Modal
          opened
          onClose={() => setMeeting(null)}
          title={t("mentoring.meeting.title", { name: meeting.teacher.fullName })}
        >
          <MeetingForm pairId={meeting.id} onDone={() => setMeeting(null)} />
        </Modal>
      )}
    </Stack>
  );
}
