import { Alert, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CategoryBadge } from "./category-badge";
import { useSchoolHistory } from "./identification.queries";
import { ReasonsList } from "./reasons-list";

/**
 * The school card's section «Категории школы по годам»: the school's category in each run the user
 * may see (approved runs below region level), newest first, with the reasons and risk flags.
 */
export function SchoolCategories({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const history = useSchoolHistory(schoolId);
  return (
    <Paper data-testid="school-categories">
      <Stack gap="sm">
        <Title order={4}>{t("identification.schoolSection")}</Title>
        {history.isError && <Alert color="red">{history.error.message}</Alert>}
        {history.data?.length === 0 && <Text c="dimmed">{t("identification.schoolNone")}</Text>}
        {history.data && history.data.length > 0 && (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t("identification.year")}</Table.Th>
                <Table.Th w={200}>{t("identification.category")}</Table.Th>
                <Table.Th>{t("identification.reasons")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.map((entry) => (
                <Table.Tr key={entry.runId}>
                  <Table.Td>{entry.year}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <CategoryBadge category={entry.category} />
                      {entry.runStatus === "done" && (
                        <Text size="xs" c="dimmed">
                          {t("identification.statusDone")}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ReasonsList result={entry} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
