import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PROFESSIONAL_BLOCKS, type ProfessionalBlock } from "../../../core/teachers";
import type { TeacherCard } from "../../../shared/teachers-api";
import { MessagePage } from "../../components/message-page";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { BlockChart } from "./block-chart";
import { IndividualPlanSection } from "./individual-plan-section";
import { useYearParam } from "./school-teachers-page";
import { SelfAssessmentModal } from "./self-assessment-modal";
import { useAddAssessment, useDeficitScale, useTeacherCard, useUpdateTeacher } from "./teachers.queries";

function History({ card }: { card: TeacherCard }) {
  const { t } = useTranslation();
  return (
    <Table data-testid="teacher-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("teachers.card.date")}</Table.Th>
          <Table.Th>{t("teachers.card.source")}</Table.Th>
          {PROFESSIONAL_BLOCKS.map((b) => (
            <Table.Th key={b}>{t(`teachers.blocks.${b}`)}</Table.Th>
          ))}
          <Table.Th>{t("teachers.card.deficits")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...card.assessments].reverse().map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>{a.assessedOn.split("-").reverse().join(".")}</Table.Td>
            <Table.Td>{t(`teachers.card.sources.${a.source}`)}</Table.Td>
            {PROFESSIONAL_BLOCKS.map((b) => (
              <Table.Td key={b} c={a.levels[b] === "deficit" ? "red.8" : undefined}>
                {a.scores[b] === undefined ? "—" : Math.round(a.scores[b] ?? 0)}
              </Table.Td>
            ))}
            <Table.Td>
              {a.deficits.length === 0
                ? t("teachers.card.none")
                : a.deficits.map((b) => t(`teachers.blocks.${b}`)).join(", ")}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AddTest({ teacherId }: { teacherId: number }) {
  const { t } = useTranslation();
  const add = useAddAssessment(teacherId);
  const [date, setDate] = useState("");
  const [scores, setScores] = useState<Partial<Record<ProfessionalBlock, number>>>({});
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={5}>{t("teachers.card.addTest")}</Title>
        <TextInput
          label={t("teachers.card.date")}
          placeholder="2025-03-15"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          {PROFESSIONAL_BLOCKS.map((b) => (
            <NumberInput
              key={b}
              label={t(`teachers.blocks.${b}`)}
              min={0}
              max={100}
              value={scores[b] ?? ""}
              onChange={(v) => setScores({ ...scores, [b]: v === "" ? undefined : Number(v) })}
            />
          ))}
        </SimpleGrid>
        {add.error && <Alert color="red">{add.error.message}</Alert>}
        <Group>
          <Button
            loading={add.isPending}
            onClick={() =>
              add.mutate({ source: "test", assessedOn: date, scores }, { onSuccess: () => setScores({}) })
            }
          >
            {t("teachers.save")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Card({ card, year }: { card: TeacherCard; year: number }) {
  const { t } = useTranslation();
  const scale = useDeficitScale();
  const update = useUpdateTeacher(card.teacher.id);
  const { teacher } = card;
  const first = card.assessments.length > 1 ? card.assessments[0] : null;
  const [isSelfOpen, setSelfOpen] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader
        title={teacher.fullName}
        subtitle={`${t(`teachers.positions.${teacher.position}`)} · ${teacher.subjects.join(", ")} · ${t(`teachers.categories.${teacher.category}`)} · ${t("teachers.experience")}: ${teacher.experienceYears}`}
        crumbs={[
          { label: card.school.name, to: `/schools/${card.school.id}` },
          { label: t("teachers.title"), to: `/schools/${card.school.id}/teachers?year=${year}` },
        ]}
        actions={
          card.permissions.canWrite && (
            <Button
              variant="light"
              color={teacher.isActive ? "red" : "blue"}
              loading={update.isPending}
              onClick={() => update.mutate({ isActive: !teacher.isActive })}
            >
              {teacher.isActive ? t("teachers.deactivate") : t("teachers.activate")}
            </Button>
          )
        }
      />
      {teacher.isPriority && (
        <Alert color="red" title={t("teachers.priority")} data-testid="teacher-priority-reason">
          {teacher.priorityReason}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t("teachers.card.scores")}</Title>
          {scale.data && (
            <Text size="sm" c="dimmed">
              {t("teachers.card.scale", {
                deficit: scale.data.scale.deficitBelow,
                mastered: scale.data.scale.masteredFrom,
              })}
            </Text>
          )}
          {teacher.latest ? (
            <BlockChart latest={teacher.latest} earlier={first} />
          ) : (
            <Text c="dimmed">{t("teachers.card.noAssessments")}</Text>
          )}
        </Stack>
      </Paper>
      {card.assessments.length > 0 && (
        <Paper withBorder p="md">
          <Title order={4}>{t("teachers.card.history")}</Title>
          <History card={card} />
        </Paper>
      )}
      {card.permissions.canWrite && (
        <Group>
          <Button variant="light" onClick={() => setSelfOpen(true)}>
            {t("teachers.self.open")}
          </Button>
        </Group>
      )}
      {card.permissions.canWrite && <AddTest teacherId={teacher.id} />}
      <SelfAssessmentModal teacherId={teacher.id} opened={isSelfOpen} onClose={() => setSelfOpen(false)} />
      <IndividualPlanSection teacherId={teacher.id} year={year} />
    </Stack>
  );
}

/** A teacher's card: scores by block as a chart, the history of diagnoses, the ИОМ. */
export function TeacherPage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  const [year] = useYearParam();
  const query = useTeacherCard(id ?? 0, year);
  if (id === null) return <MessagePage title={t("errors.notFoundTitle")} text={t("errors.notFoundText")} />;
  return <QueryView query={query}>{(card) => <Card card={card} year={year} />}</QueryView>;
}
