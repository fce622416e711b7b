import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { PLAN_KIND_LABELS } from "../../../core/plans";
import type { ProgrammeOptions } from "../../../shared/plans-api";
import { SCHOOL_PLAN_KINDS } from "../../../shared/plans-input";
import { useMe } from "../../app/session";
import { MessagePage } from "../../components/message-page";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { useCreatePlan, useProgrammeOptions } from "./plans.queries";

type Kind = (typeof SCHOOL_PLAN_KINDS)[number];

function Builder({ options, onYear }: { options: ProgrammeOptions; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const [kind, setKind] = useState<Kind>("transition_programme");
  const [picked, setPicked] = useState<string[]>(() => options.causes.map((cause) => cause.code));
  const [risk, setRisk] = useState<string | null>(options.causes[0]?.code ?? null);
  const [measures, setMeasures] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(
      options.causes.map((cause) => [cause.code, cause.measures.map((measure) => measure.code)]),
    ),
  );
  const [title, setTitle] = useState("");
  const chosen = kind === "anti_risk_programme" ? (risk ? [risk] : []) : picked;
  const years = [...new Set([options.year, ...options.years])].sort((a, b) => b - a);
  const onCreate = () =>
    create.mutate(
      {
        source: "programme",
        kind,
        schoolId: options.schoolId,
        year: options.year,
        title: title.trim() === "" ? undefined : title,
        causes: chosen.map((factorCode) => ({ factorCode, measureCodes: measures[factorCode] ?? [] })),
      },
      { onSuccess: (plan) => navigate(`/plans/${plan.id}`) },
    );
  return (
    <Stack gap="md">
      <Paper>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t("plans.programme.year")}
            w={180}
            allowDeselect={false}
            value={String(options.year)}
            onChange={(value) => value && onYear(Number(value))}
            data={years.map((item) => ({
              value: String(item),
              label: t("plans.list.yearLabel", { from: item - 1, to: item }),
            }))}
          />
          <Select
            label={t("plans.programme.kind")}
            w={560}
            allowDeselect={false}
            data-testid="programme-kind"
            value={kind}
            onChange={(value) => setKind(SCHOOL_PLAN_KINDS.find((item) => item === value) ?? kind)}
            data={SCHOOL_PLAN_KINDS.map((item) => ({ value: item, label: PLAN_KIND_LABELS[item] }))}
          />
        </Group>
      </Paper>
      {options.causes.length === 0 ? (
        <Alert color="yellow" data-testid="programme-no-causes">
          {t("plans.programme.noCauses")}
        </Alert>
      ) : (
        <Paper>
          <Title order={4} mb="xs">
            {t("plans.programme.causesTitle")}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {kind === "anti_risk_programme" ? t("plans.programme.oneRisk") : t("plans.programme.causesHint")}
          </Text>
          <Stack gap="lg">
            {options.causes.map((cause) => {
              const isChosen = chosen.includes(cause.code);
              return (
                <Stack key={cause.code} gap="xs" data-testid={`programme-cause-${cause.code}`}>
                  {kind === "anti_risk_programme" ? (
                    <Radio
                      checked={isChosen}
                      onChange={() => setRisk(cause.code)}
                      label={cause.title}
                      fw={500}
                    />
                  ) : (
                    <Checkbox
                      checked={isChosen}
                      onChange={(event) =>
                        setPicked(
                          event.currentTarget.checked
                            ? [...picked, cause.code]
                            : picked.filter((code) => code !== cause.code),
                        )
                      }
                      label={cause.title}
                      fw={500}
                    />
                  )}
                  {cause.note && (
                    <Text size="xs" c="dimmed" pl={32}>
                      {cause.note}
                    </Text>
                  )}
                  {isChosen && (
                    <Checkbox.Group
                      pl={32}
                      value={measures[cause.code] ?? []}
                      onChange={(value) => setMeasures({ ...measures, [cause.code]: value })}
                      label={t("plans.programme.measures")}
                    >
                      <Stack gap={6} mt={6}>
                        {cause.measures.length === 0 && (
                          <Text size="sm" c="dimmed">
                            {t("plans.programme.noMeasures")}
                          </Text>
                        )}
                        {cause.measures.map((measure) => (
                          <Checkbox
                            key={measure.code}
                            value={measure.code}
                            label={measure.title}
                            description={`${measure.description} ${t("plans.programme.deadline", { text: measure.deadlineText })}`}
                            data-testid={`programme-measure-${measure.code}`}
                          />
                        ))}
                      </Stack>
                    </Checkbox.Group>
                  )}
                </Stack>
              );
            })}
          </Stack>
        </Paper>
      )}
      <Paper>
        <Stack>
          <TextInput
            label={t("plans.programme.title")}
            description={t("plans.programme.titleHint")}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          {create.error && (
            <Alert color="red" variant="light" data-testid="programme-error">
              {create.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              onClick={onCreate}
              loading={create.isPending}
              disabled={chosen.length === 0}
              data-testid="programme-create"
            >
              {t("plans.programme.create")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** «Новая программа»: the school's confirmed causes → the recommended measures (checkboxes) → a draft. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const schoolId = parseId(params.get("schoolId") ?? undefined) ?? me.schoolId;
  const year = Number(params.get("year")) || undefined;
  const options = useProgrammeOptions(schoolId, year);
  if (schoolId === null)
    return <MessagePage title={t("errors.notFoundTitle")} text={t("plans.programme.noSchool")} />;
  const onYear = (next: number) => {
    const copy = new URLSearchParams(params);
    copy.set("year", String(next));
    setParams(copy, { replace: true });
  };
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("plans.programme.pageTitle")}
        subtitle={options.data?.schoolName}
        crumbs={[{ label: t("plans.title"), to: "/plans" }]}
      />
      <QueryView query={options}>
        {(data) => <Builder key={`${data.schoolId}:${data.year}`} options={data} onYear={onYear} />}
      </QueryView>
    </Stack>
  );
}
