import { Anchor, Badge, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Run, RunComparisonResponse } from "../../../core/identification/api.schema";
import type { TranslationKey } from "../../i18n/keys";
import { CategoryBadge } from "./category-badge";
import { useRunComparison } from "./identification.queries";

type Compared = RunComparisonResponse["entered"];

type ComparedDecision = NonNullable<RunComparisonResponse["decisions"]>[number];

/** Issue 13: the decision on a school that left or stayed, or «вывод отсутствует». */
function DecisionBadge({ decision }: { decision: ComparedDecision | undefined }) {
  const { t } = useTranslation();
  if (!decision || decision.status === "returned")
    return (
      <Badge size="xs" color="red" variant="outline" data-testid="compare-no-decision">
        {t("decisions.noDecision")}
      </Badge>
    );
  return (
    <Badge
      size="xs"
      color={decision.status === "approved" ? "green" : "blue"}
      variant="light"
      data-testid="compare-decision"
    >
      {t(`decisions.kinds.${decision.kind}`)}
      {decision.status === "proposed" ? ` · ${t("decisions.statuses.proposed")}` : ""}
    </Badge>
  );
}

function CompareList({
  titleKey,
  schools,
  decisions,
}: {
  titleKey: TranslationKey;
  schools: Compared;
  decisions?: Map<number, ComparedDecision>;
}) {
  const { t } = useTranslation();
  return (
    <Paper>
      <Stack gap={6}>
        <Text fw={600}>
          {t(titleKey)}: {schools.length}
        </Text>
        {schools.map((s) => (
          <Group key={s.schoolId} gap={6} wrap="nowrap">
            <Anchor component={Link} to={`/schools/${s.schoolId}`} size="sm">
              {s.name}
            </Anchor>
            {s.before && <CategoryBadge category={s.before} />}
            {s.before !== s.after && s.after && <CategoryBadge category={s.after} />}
            {decisions && <DecisionBadge decision={decisions.get(s.schoolId)} />}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Compares this run with an earlier (or another) one: schools that entered, left and stayed. */
export function RunCompare({ run, runs }: { run: Run; runs: Run[] }) {
  const { t } = useTranslation();
  const [otherId, setOtherId] = useState<string | null>(null);
  const other = otherId ? Number(otherId) : null;
  const comparison = useRunComparison(other, other === null ? null : run.id);
  const decisionsOf = new Map((comparison.data?.decisions ?? []).map((d) => [d.schoolId, d]));
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Title order={4}>{t("identification.compareWith")}</Title>
        <Select
          data={runs
            .filter((r) => r.id !== run.id)
            .map((r) => ({ value: String(r.id), label: `№ ${r.id} · ${r.year}` }))}
          value={otherId}
          onChange={setOtherId}
          placeholder={t("identification.comparePick")}
          clearable
          w={200}
          data-testid="compare-run"
        />
      </Group>
      {comparison.data && (
        <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="compare-result">
          <CompareList titleKey="identification.entered" schools={comparison.data.entered} />
          <CompareList
            titleKey="identification.left"
            schools={comparison.data.left}
            decisions={decisionsOf}
          />
          <CompareList
            titleKey="identification.stayed"
            schools={comparison.data.stayed}
            decisions={decisionsOf}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
