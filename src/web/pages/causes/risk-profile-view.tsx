import { Accordion, Alert, Badge, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RiskProfileView } from "../../../shared/school-causes-api";
import { LEVEL_BADGE } from "./causes-labels";
import { chartRows, RiskProfileChart } from "./risk-profile-chart";

function Source({ profile }: { profile: RiskProfileView }) {
  const { t } = useTranslation();
  const years = `${Math.min(...profile.valueYears)}–${Math.max(...profile.valueYears)}`;
  if (!profile.workbook)
    return (
      <Alert color="gray" variant="light">
        {t("causes.profile.noWorkbook")}
      </Alert>
    );
  const status = t(
    profile.workbook.status === "submitted"
      ? "causes.workbook.statusSubmitted"
      : "causes.workbook.statusDraft",
  );
  return (
    <Text size="sm" c="dimmed">
      {t("causes.profile.fromWorkbook", { version: profile.workbook.version, status, years })}
    </Text>
  );
}

/**
 * A school's risk profile: the chart of factors by group with level colours, then every factor with
 * its level, its summary and the evidence sentences (answers and indicator values), a confirmed one marked.
 */
export function RiskProfileBlock({ profile }: { profile: RiskProfileView }) {
  const { t } = useTranslation();
  const factors = chartRows(profile.factors).flatMap((row) => (row.kind === "factor" ? [row.factor] : []));
  return (
    <Stack gap="md" data-testid="risk-profile">
      <Source profile={profile} />
      <Text size="sm">{t("causes.profile.counts", profile.counts)}</Text>
      <RiskProfileChart factors={profile.factors} />
      <Accordion multiple variant="contained">
        {factors.map((factor) => (
          <Accordion.Item
            key={factor.factorCode}
            value={factor.factorCode}
            data-testid={`factor-${factor.factorCode}`}
          >
            <Accordion.Control>
              <Group gap="sm" wrap="nowrap">
                <Badge color={LEVEL_BADGE[factor.level]} w={130} variant="light">
                  {t(`causes.levels.${factor.level}`)}
                </Badge>
                <Text size="sm" fw={500}>
                  {factor.title}
                </Text>
                {factor.isConfirmed && (
                  <Badge color="grape" variant="outline" size="sm">
                    {t("causes.profile.confirmed")}
                  </Badge>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {factor.summary}
                </Text>
                {factor.evidence.length > 0 && (
                  <List size="sm" spacing={4}>
                    {factor.evidence.map((item) => (
                      <List.Item
                        key={item.kind === "answer" ? `a-${item.questionCode}` : `v-${item.indicatorCode}`}
                      >
                        {item.sentence}
                      </List.Item>
                    ))}
                  </List>
                )}
                {factor.notes.length > 0 && (
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {t("causes.profile.notes")}
                    </Text>
                    {factor.notes.map((note) => (
                      <Text key={note.questionCode} size="sm">{`${note.questionNumber}. ${note.text}`}</Text>
                    ))}
                  </Stack>
                )}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
