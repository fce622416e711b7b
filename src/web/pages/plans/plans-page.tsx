import { Button, Group, Paper, SegmentedControl, Select, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import {
  PLAN_LEVELS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  type PlanLevel,
  type PlanStatus,
} from "../../../core/plans";
import { can, useMe } from "../../app/session";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useMunicipalities } from "../municipalities/municipalities.queries";
import { authorLevel, PlanCreateModal } from "./plan-create-modal";
import { usePlans } from "./plans.queries";
import { PlansTable } from "./plans-table";

function pick<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((item) => item === value);
}

/** «Планы и дорожные карты»: the plans of the user's scope by level, state, year and municipality. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [isCreating, setCreating] = useState(false);
  const level = pick(PLAN_LEVELS, params.get("level"));
  const status = pick(PLAN_STATUSES, params.get("status"));
  const year = Number(params.get("year")) || undefined;
  const municipalityId = Number(params.get("municipalityId")) || undefined;
  const isRegionWide = can(me, "region.read");
  const municipalities = useMunicipalities(isRegionWide);
  const plans = usePlans({ level, status, year, municipalityId });
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const thisYear = new Date().getFullYear();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  const writes = authorLevel(me);
  const actions = (
    <Group gap="sm">
      {writes === "school" && (
        <Button component={Link} to="/plans/new/programme" data-testid="new-programme">
          {t("plans.newProgramme")}
        </Button>
      )}
      {writes !== null && (
        <Button
          variant={writes === "school" ? "default" : "filled"}
          onClick={() => setCreating(true)}
          data-testid="new-plan"
        >
          {t("plans.newPlan")}
        </Button>
      )}
    </Group>
  );
  return (
    <Stack gap="lg">
      <PageHeader title={t("plans.title")} subtitle={t("plans.list.subtitle")} actions={actions} />
      <Paper>
        <Group gap="md" wrap="wrap">
          <SegmentedControl
            data-testid="plans-level"
            value={level ?? "all"}
            onChange={(value) => setParam("level", value === "all" ? null : value)}
            data={[
              { value: "all", label: t("plans.levels.all") },
              ...PLAN_LEVELS.map((item: PlanLevel) => ({ value: item, label: t(`plans.levels.${item}`) })),
            ]}
          />
          <Select
            aria-label={t("plans.list.status")}
            placeholder={t("plans.list.anyStatus")}
            clearable
            w={220}
            value={status ?? null}
            onChange={(value) => setParam("status", value)}
            data={PLAN_STATUSES.map((item: PlanStatus) => ({ value: item, label: PLAN_STATUS_LABELS[item] }))}
          />
          <Select
            aria-label={t("plans.list.year")}
            placeholder={t("plans.list.anyYear")}
            clearable
            w={180}
            value={year ? String(year) : null}
            onChange={(value) => setParam("year", value)}
            data={years.map((item) => ({
              value: String(item),
              label: t("plans.list.yearLabel", { from: item - 1, to: item }),
            }))}
          />
          {isRegionWide && (
            <Select
              aria-label={t("plans.list.municipality")}
              placeholder={t("plans.list.anyMunicipality")}
              clearable
              searchable
              w={280}
              value={municipalityId ? String(municipalityId) : null}
              onChange={(value) => setParam("municipalityId", value)}
              data={(municipalities.data ?? []).map((item) => ({ value: String(item.id), label: item.name }))}
            />
          )}
        </Group>
      </Paper>
      <Paper p={0}>
        <QueryView query={plans}>{(data) => <PlansTable items={data.items} />}</QueryView>
      </Paper>
      {isCreating && writes !== null && <PlanCreateModal level={writes} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
