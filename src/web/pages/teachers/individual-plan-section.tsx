import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IndividualPlan, PlanItem } from "../../../shared/teachers-api";
import { QueryView } from "../../components/query-view";
import { useIndividualPlan, useSavePlan } from "./teachers.queries";

function Activities({ plan }: { plan: IndividualPlan }) {
  const { t } = useTranslation();
  const save = useSavePlan(plan.teacherId);
  const [note, setNote] = useState(plan.note);
  const [items, setItems] = useState<PlanItem[]>(plan.items);
  useEffect(() => {
    setNote(plan.note);
    setItems(plan.items.map(({ text, deadline, isDone }) => ({ text, deadline, isDone })));
  }, [plan]);
  const canWrite = plan.permissions.canWrite;
  const set = (i: number, patch: Partial<PlanItem>) =>
    setItems(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  return (
    <Stack gap="xs">
      <Title order={5}>{t("teachers.plan.items")}</Title>
      <Table data-testid="plan-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("teachers.plan.itemText")}</Table.Th>
            <Table.Th w={160}>{t("teachers.plan.deadline")}</Table.Th>
            <Table.Th w={110}>{t("teachers.plan.done")}</Table.Th>
            {canWrite && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
            <Table.Tr key={i}>
              <Table.Td>
                {canWrite ? (
                  <TextInput value={item.text} onChange={(e) => set(i, { text: e.currentTarget.value })} />
                ) : (
                  item.text
                )}
              </Table.Td>
              <Table.Td>
                {canWrite ? (
                  <TextInput
                    placeholder="2025-04-01"
                    value={item.deadline ?? ""}
                    onChange={(e) => set(i, { deadline: e.currentTarget.value || null })}
                  />
                ) : (
                  (item.deadline?.split("-").reverse().join(".") ?? "—")
                )}
              </Table.Td>
              <Table.Td>
                <Checkbox
                  checked={item.isDone}
                  disabled={!canWrite}
                  onChange={(e) => set(i, { isDone: e.currentTarget.checked })}
                />
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label="×"
                    onClick={() => setItems(items.filter((_, j) => j !== i))}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canWrite && (
        <>
          <Group>
            <Button
              variant="subtle"
              onClick={() => setItems([...items, { text: "", deadline: null, isDone: false }])}
            >
              {t("teachers.plan.addItem")}
            </Button>
          </Group>
          <Textarea
            label={t("teachers.plan.note")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {save.error && <Alert color="red">{save.error.message}</Alert>}
          {save.isSuccess && <Text c="green.8">{t("teachers.plan.saved")}</Text>}
          <Group>
            <Button
              loading={save.isPending}
              onClick={() => save.mutate({ year: plan.year, note, items })}
              data-testid="plan-save"
            >
              {t("teachers.plan.save")}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function Plan({ plan }: { plan: IndividualPlan }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="individual-plan">
      <Stack gap="md">
        <Title order={4}>{t("teachers.plan.title")}</Title>
        {plan.mismatches.length > 0 && (
          <Alert color="orange" title={t("teachers.plan.mismatches")} data-testid="plan-mismatch">
            <List>
              {plan.mismatches.map((m) => (
                <List.Item key={m.enrolmentId}>{m.reason}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Stack gap={4}>
          <Title order={5}>{t("teachers.plan.deficits")}</Title>
          {!plan.diagnosis ? (
            <Text c="dimmed">{t("teachers.plan.noDiagnosis")}</Text>
          ) : plan.deficits.length === 0 ? (
            <Text c="dimmed">{t("teachers.plan.noDeficits")}</Text>
          ) : (
            <Group gap="xs">
              {plan.deficits.map((d) => (
                <Badge key={d.block} color="red" variant="light">
                  {d.label}: {Math.round(d.score)}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={5}>{t("teachers.plan.courses")}</Title>
          {plan.courses.length === 0 ? (
            <Text c="dimmed">{t("teachers.plan.noCourses")}</Text>
          ) : (
            <List data-testid="plan-courses">
              {plan.courses.map((c) => (
                <List.Item key={c.courseId}>
                  {c.reason}{" "}
                  {c.enrolment && <Badge size="sm">{t(`teachers.plan.enrolment.${c.enrolment}`)}</Badge>}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={5}>{t("teachers.plan.mentor")}</Title>
          {plan.mentor ? (
            <Text>
              <b>{plan.mentor.fullName}</b> {plan.mentor.reason && `— ${plan.mentor.reason}`}
            </Text>
          ) : (
            <Text c="dimmed">{t("teachers.plan.noMentor")}</Text>
          )}
        </Stack>
        <Activities plan={plan} />
        <Stack gap={4}>
          <Title order={5}>{t("teachers.plan.reassessment")}</Title>
          {!plan.reassessment ? (
            <Text c="dimmed">{t("teachers.plan.noReassessment")}</Text>
          ) : (
            <Table data-testid="plan-reassessment">
              <Table.Tbody>
                {plan.reassessment.changes.map((c) => (
                  <Table.Tr key={c.block}>
                    <Table.Td>{t(`teachers.blocks.${c.block}`)}</Table.Td>
                    <Table.Td>
                      {Math.round(c.before)} ({t(`teachers.levels.${c.levelBefore}`)}) → {Math.round(c.after)}{" "}
                      ({t(`teachers.levels.${c.levelAfter}`)})
                    </Table.Td>
                    <Table.Td c={c.delta >= 0 ? "green.8" : "red.8"}>
                      {c.delta > 0 ? "+" : ""}
                      {String(c.delta).replace(".", ",")}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The ИОМ of a teacher: deficits → courses with reasons → mentor → activities → re-assessment. */
export function IndividualPlanSection({ teacherId, year }: { teacherId: number; year: number }) {
  const query = useIndividualPlan(teacherId, year);
  return <QueryView query={query}>{(plan) => <Plan plan={plan} />}</QueryView>;
}
