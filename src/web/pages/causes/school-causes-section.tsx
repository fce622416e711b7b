import { Alert, Center, Group, Loader, Paper, Stack, Tabs, Title } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { CausesConfirmation, ConfirmedCausesList } from "./causes-confirmation";
import { useCausesYear } from "./causes-year";
import { ExaminationForm } from "./examination-form";
import { RiskProfileBlock } from "./risk-profile-view";
import { useExamination, useRiskProfile, useSchoolCauses, useSchoolWorkbook } from "./school-causes.queries";
import { WorkbookForm } from "./workbook-form";

const TABS = ["profile", "workbook", "examination"] as const;
type Tab = (typeof TABS)[number];

/** A query's content, a spinner while it loads, or its error. */
function Loaded<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <Center py="lg">
        <Loader size="sm" />
      </Center>
    );
  }
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  return children(query.data);
}

function SchoolYearCauses({ schoolId, year }: { schoolId: number; year: number }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("profile");
  const profile = useRiskProfile(schoolId, year);
  const workbook = useSchoolWorkbook(schoolId, year);
  const examination = useExamination(schoolId, year);
  const causes = useSchoolCauses(schoolId, year);
  return (
    <Tabs value={tab} onChange={(value) => setTab(TABS.find((item) => item === value) ?? "profile")}>
      <Tabs.List>
        <Tabs.Tab value="profile" data-testid="causes-tab-profile">
          {t("causes.section.tabProfile")}
        </Tabs.Tab>
        <Tabs.Tab value="workbook" data-testid="causes-tab-workbook">
          {t("causes.section.tabWorkbook")}
        </Tabs.Tab>
        <Tabs.Tab value="examination" data-testid="causes-tab-examination">
          {t("causes.section.tabExamination")}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="profile" pt="md">
        <Stack gap="md">
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              {t("causes.section.confirmedTitle")}
            </Title>
            <Loaded query={causes}>{(data) => <ConfirmedCausesList data={data} />}</Loaded>
          </Paper>
          <Loaded query={profile}>{(data) => <RiskProfileBlock profile={data} />}</Loaded>
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="workbook" pt="md">
        <Loaded query={workbook}>
          {(data) => <WorkbookForm key={data.workbook.versionId} data={data} />}
        </Loaded>
      </Tabs.Panel>
      <Tabs.Panel value="examination" pt="md">
        <Stack gap="md">
          <Loaded query={examination}>
            {(data) => <ExaminationForm key={data.examination?.updatedAt ?? "new"} data={data} />}
          </Loaded>
          <Loaded query={causes}>
            {(data) =>
              data.permissions.canEdit ? (
                <CausesConfirmation
                  key={data.causes.map((c) => `${c.factorCode}:${c.note}`).join("|")}
                  data={data}
                />
              ) : (
                <Paper withBorder p="md">
                  <Title order={5} mb="xs">
                    {t("causes.section.confirmedTitle")}
                  </Title>
                  <ConfirmedCausesList data={data} />
                </Paper>
              )
            }
          </Loaded>
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

/**
 * The school card's section «Причины низких результатов» for a school year: the risk profile with the
 * confirmed causes, the workbook of causes, and the МОЦ's examination with the confirmation of causes.
 */
export function SchoolCausesSection({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const { year, picker } = useCausesYear();
  return (
    <Paper data-testid="school-causes">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t("causes.section.title")}</Title>
          {picker}
        </Group>
        {year === undefined ? (
          <Center py="lg">
            <Loader size="sm" />
          </Center>
        ) : (
          <SchoolYearCauses key={year} schoolId={schoolId} year={year} />
        )}
      </Stack>
    </Paper>
  );
}
