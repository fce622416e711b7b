import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  calendarYearPeriod,
  PLAN_KIND_LABELS,
  PLAN_KIND_LEVEL,
  PLAN_KINDS,
  type PlanKind,
  type PlanLevel,
} from "../../../core/plans";
import type { Me } from "../../../shared/api";
import { can } from "../../app/session";
import { fieldErrorsOf } from "../../components/form-errors";
import { useCreatePlan, usePlanTemplates } from "./plans.queries";

/** The level of plans a user writes: a director its school's, a МОЦ its municipality's, the region its own. */
export function authorLevel(me: Me): PlanLevel | null {
  if (!can(me, "plan.write")) return null;
  if (me.role === "school_director") return "school";
  if (me.role === "moc_coordinator") return "municipal";
  if (me.role === "region_admin" || me.role === "region_analyst") return "regional";
  return null;
}

/** Props of the new-plan dialog. */
export type PlanCreateModalProps = { level: PlanLevel; onClose: () => void };

/**
 * «Новый план»: from a template of the user's level (seed 004's road map, the МОЦ plans, seed 001's
 * regional road map) or blank of a kind, for a period; opens the new plan.
 */
export function PlanCreateModal({ level, onClose }: PlanCreateModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const templates = (usePlanTemplates().data ?? []).filter((item) => item.level === level);
  const kinds = PLAN_KINDS.filter(
    (kind) => PLAN_KIND_LEVEL[kind] === level && kind !== "anti_risk_programme",
  );
  const [source, setSource] = useState<"template" | "blank">(
    templates.length > 0 || level !== "school" ? "template" : "blank",
  );
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const [kind, setKind] = useState<PlanKind>(kinds[0] ?? "transition_programme");
  const [title, setTitle] = useState("");
  const year = new Date().getFullYear();
  const [period, setPeriod] = useState(calendarYearPeriod(year));
  const create = useCreatePlan();
  const errors = fieldErrorsOf(create.error);
  const onCreate = () => {
    const input =
      source === "template"
        ? { source, templateKey: templateKey ?? "", period, title: title.trim() === "" ? undefined : title }
        : { source, kind, title, period, riskFactorCode: null };
    create.mutate(input, { onSuccess: (plan) => navigate(`/plans/${plan.id}`) });
  };
  return (
    <Modal opened onClose={onClose} title={t("plans.create.title")} size="lg" centered>
      <Stack>
        {create.error && (
          <Alert color="red" variant="light">
            {create.error.message}
          </Alert>
        )}
        <SegmentedControl
          value={source}
          onChange={(value) => setSource(value === "blank" ? "blank" : "template")}
          data={[
            { value: "template", label: t("plans.create.fromTemplate"), disabled: templates.length === 0 },
            { value: "blank", label: t("plans.create.blank") },
          ]}
        />
        {source === "template" ? (
          <Select
            label={t("plans.create.template")}
            data-testid="plan-template"
            withAsterisk
            value={templateKey}
            onChange={setTemplateKey}
            error={errors.templateKey}
            data={templates.map((item) => ({
              value: item.key,
              label: `${item.title} (${t("plans.create.activities", { count: item.activityCount })})`,
            }))}
          />
        ) : (
          <Select
            label={t("plans.create.kind")}
            allowDeselect={false}
            value={kind}
            onChange={(value) => setKind(kinds.find((item) => item === value) ?? kind)}
            data={kinds.map((item) => ({ value: item, label: PLAN_KIND_LABELS[item] }))}
          />
        )}
        {source === "template" && templateKey && (
          <Text size="xs" c="dimmed">
            {templates.find((item) => item.key === templateKey)?.source}
          </Text>
        )}
        <TextInput
          label={t("plans.create.planTitle")}
          description={source === "template" ? t("plans.create.titleFromTemplate") : undefined}
          withAsterisk={source === "blank"}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
        />
        <Group grow>
          <TextInput
            type="date"
            label={t("plans.create.from")}
            value={period.from}
            onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })}
            error={errors["period.from"]}
          />
          <TextInput
            type="date"
            label={t("plans.create.to")}
            value={period.to}
            onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })}
            error={errors["period.to"]}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t("plans.create.periodHint")}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={onCreate}
            loading={create.isPending}
            disabled={source === "template" && templateKey === null}
            data-testid="plan-create"
          >
            {t("plans.create.submit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
