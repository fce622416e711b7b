import { Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Question, Workbook } from "../../../core/causes/workbook.schema";
import type { FactorItem } from "../../../shared/causes-api";

function optionsOf(question: Question): string[] {
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return question.options.map((option) => option.label);
    case "scale":
      return question.labels.map((label) => `${label.value} — ${label.label}`);
    case "number":
      return question.unit ? [question.unit] : [];
    default:
      return [];
  }
}

/** The workbook in a readable structure: sections, numbered questions, their type, factors and options. */
export function WorkbookView({ workbook, factors }: { workbook: Workbook; factors: readonly FactorItem[] }) {
  const { t } = useTranslation();
  const titles = new Map(factors.map((factor) => [factor.code, factor.title]));
  return (
    <Stack gap="md" data-testid="workbook-view">
      {workbook.description && <Text size="sm">{workbook.description}</Text>}
      {workbook.sections.map((section, s) => (
        <Paper withBorder p="md" key={section.code}>
          <Title order={5} mb="sm">{`${s + 1}. ${section.title}`}</Title>
          <Stack gap="sm">
            {section.questions.map((question, q) => (
              <Stack gap={2} key={question.code}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={600} miw={36}>{`${s + 1}.${q + 1}`}</Text>
                  <Text size="sm" style={{ flex: 1 }}>
                    {question.text}
                  </Text>
                  <Badge variant="light" size="sm" style={{ textTransform: "none" }}>
                    {t(`causes.catalogue.types.${question.type}`)}
                  </Badge>
                  {question.required && (
                    <Badge variant="outline" size="sm" color="gray" style={{ textTransform: "none" }}>
                      {t("causes.catalogue.required")}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" pl={44}>
                  {t("causes.catalogue.factorsOf", {
                    codes: question.factorCodes.map((code) => titles.get(code) ?? code).join("; "),
                  })}
                </Text>
                {optionsOf(question).length > 0 && (
                  <List size="xs" pl={44} c="dimmed">
                    {optionsOf(question).map((option) => (
                      <List.Item key={option}>{option}</List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
