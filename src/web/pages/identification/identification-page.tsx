import { Alert, Stack, Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { can, useMe } from "../../app/session";
import { RegionRequired } from "../../app/work-region";
import { PageHeader } from "../../components/page-header";
import { useRuns } from "./identification.queries";
import { RuleSetsPanel } from "./rule-sets-panel";
import { RunForm } from "./run-form";
import { RunView } from "./run-view";
import { RunsTable } from "./runs-table";

function IdentificationPageBody() {
  const { t } = useTranslation();
  const me = useMe();
  const canRun = can(me, "identification.manage");
  const runs = useRuns();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const list = runs.data ?? [];
  const selected = list.find((r) => r.id === selectedId) ?? list[0] ?? null;
  const runsPanel = (
    <Stack gap="md">
      {canRun && <RunForm onStarted={setSelectedId} />}
      {runs.isError && <Alert color="red">{runs.error.message}</Alert>}
      <RunsTable runs={list} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
      {selected && <RunView key={selected.id} run={selected} runs={list} />}
    </Stack>
  );
  return (
    <Stack gap="lg">
      <PageHeader title={t("identification.title")} subtitle={t("identification.subtitle")} />
      <Tabs defaultValue="runs">
        <Tabs.List>
          <Tabs.Tab value="runs">{t("identification.tabRuns")}</Tabs.Tab>
          <Tabs.Tab value="rules" data-testid="tab-rules">
            {t("identification.tabRules")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="runs" pt="md">
          {runsPanel}
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RuleSetsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/**
 * «Идентификация»: run rule sets over every school of the region for a year, see and filter the
 * results with each school's reasons, summaries, comparison of runs, exports and approval; and the
 * rule-set editor with a live preview. A МОЦ, a school or a mentor sees approved runs within scope.
 */
export function IdentificationPage() {
  const { t } = useTranslation();
  return (
    <RegionRequired title={t("identification.title")}>
      <IdentificationPageBody />
    </RegionRequired>
  );
}
