import { Alert, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RegionRequired } from "../../app/work-region";
import { formatNumber } from "../../components/format";
import { PageHeader } from "../../components/page-header";
import { StatCard } from "../../components/stat-card";
import { type ContextRequest, useContextModel } from "./analytics.queries";
import { formatValue } from "./analytics-format";
import { useAnalyticsInputs } from "./analytics-inputs";
import { ContextCoefficients } from "./context-coefficients";
import { ContextScatter } from "./context-scatter";
import { QuadrantSummary } from "./quadrant-summary";

/** Codes offered first: a typical result and the social context of the HSE model. */
const DEFAULT_OUTCOME = "ege_math_mean";
const DEFAULT_CONTEXT = ["parents_higher_education_share", "low_income_share", "single_parent_share"];

function ContextPageBody() {
  const { t } = useTranslation();
  const { region, options, indicators, has, year, yearSelect } = useAnalyticsInputs();
  const choices = indicators.map((i) => ({ value: i.code, label: i.name }));
  const [outcome, setOutcome] = useState<string | null>(null);
  const [context, setContext] = useState<string[] | null>(null);
  const outcomeValue = outcome ?? (has(DEFAULT_OUTCOME) ? DEFAULT_OUTCOME : null);
  const contextValue = context ?? DEFAULT_CONTEXT.filter(has);
  const [request, setRequest] = useState<ContextRequest | null>(null);
  const model = useContextModel(request);

  const canRun = outcomeValue !== null && contextValue.length > 0 && year !== null;
  const run = () => {
    if (!canRun) return;
    setRequest({
      outcome: outcomeValue,
      context: contextValue,
      year,
      regionId: region.regionId,
    });
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t("analytics.contextTitle")} subtitle={t("analytics.contextSubtitle")} />
      <Paper>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t("analytics.outcome")}
              data={choices}
              value={outcomeValue}
              onChange={setOutcome}
              searchable
              flex={1}
              miw={320}
              data-testid="context-outcome"
            />
            {yearSelect}
            <Button onClick={run} disabled={!canRun} loading={model.isFetching} data-testid="context-run">
              {t("analytics.run")}
            </Button>
          </Group>
          <MultiSelect
            label={t("analytics.context")}
            data={choices.filter((c) => c.value !== outcomeValue)}
            value={contextValue}
            onChange={setContext}
            searchable
            data-testid="context-indicators"
          />
          {options.isError && <Alert color="red">{options.error.message}</Alert>}
        </Stack>
      </Paper>
      {model.isError && (
        <Alert color="red" title={t("analytics.failed")} data-testid="context-error">
          {model.error.message}
        </Alert>
      )}
      {!request && <Text c="dimmed">{t("analytics.contextHint")}</Text>}
      {model.data && (
        <Stack gap="lg" data-testid="context-result">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <StatCard label={t("analytics.schoolsInModel")} value={formatNumber(model.data.model.n)} />
            <StatCard
              label={t("analytics.excluded")}
              value={formatNumber(model.data.excluded.length)}
              hint={t("analytics.excludedHint")}
            />
            <StatCard label={t("analytics.r2")} value={formatValue(model.data.model.r2)} />
            <StatCard label={t("analytics.residualSd")} value={formatValue(model.data.model.residualSd)} />
          </SimpleGrid>
          <QuadrantSummary data={model.data} />
          <ContextScatter data={model.data} />
          <ContextCoefficients data={model.data} />
        </Stack>
      )}
    </Stack>
  );
}

/**
 * «Контекстная модель»: choose a result, context indicators and a year; see each school's actual
 * result against the one expected for its context, the coefficients and the groups.
 */
export function ContextPage() {
  const { t } = useTranslation();
  return (
    <RegionRequired title={t("analytics.contextTitle")}>
      <ContextPageBody />
    </RegionRequired>
  );
}
