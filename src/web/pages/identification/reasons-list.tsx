import { Badge, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RunResult } from "../../../core/identification/api.schema";

/** A school's reasons (one Russian sentence per met criterion) and its risk flags. */
export function ReasonsList({ result }: { result: Pick<RunResult, "reasons" | "riskFlags" | "details"> }) {
  const { t } = useTranslation();
  const isSmall = result.details.some((d) => d.reason === "small_school");
  return (
    <Stack gap={4}>
      {result.riskFlags.length > 0 && (
        <Group gap={4}>
          {result.riskFlags.map((flag) => (
            <Badge key={flag} color="red" variant="dot" size="sm">
              {flag}
            </Badge>
          ))}
        </Group>
      )}
      {result.reasons.length > 0 && (
        <List size="sm" spacing={2}>
          {result.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      )}
      {isSmall && result.reasons.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("identification.smallSchool")}
        </Text>
      )}
    </Stack>
  );
}
