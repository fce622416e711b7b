import { Button, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDocumentTitle } from "./page-header";

/** Props of a message shown in place of a page: title, explanation, optional retry. */
export type MessagePageProps = { title: string; text: string; onRetry?: () => void };

/** A calm full-width message in place of page content (not found, no access, service unavailable). */
export function MessagePage({ title, text, onRetry }: MessagePageProps) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <Center py={80}>
      <Paper maw={560} w="100%" p="xl" data-testid="message-page">
        <Stack gap="sm">
          <Title order={3}>{title}</Title>
          <Text c="dimmed">{text}</Text>
          <Group mt="sm">
            <Button component={Link} to="/" variant="light">
              {t("common.toHome")}
            </Button>
            {onRetry && (
              <Button variant="default" onClick={onRetry}>
                {t("common.retry")}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
