import { Alert, Badge, Button, Group, List, Paper, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FLAG_KINDS } from "../../../core/addressed";
import type { AddressedSupport } from "../../../shared/addressed-api";

/** How many flags of a kind show before «Показать все». */
const SHOWN = 6;

const FLAG_COLORS = {
  no_support: "red",
  teacher_unsupported: "orange",
  course_mismatch: "grape",
  request_overdue: "yellow",
} as const;

/** The flags of the year, grouped by kind, each a sentence. */
export function AddressedFlags({ data }: { data: AddressedSupport }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  if (data.flags.length === 0) {
    return (
      <Alert color="green" data-testid="addressed-no-flags">
        {t("addressed.noFlags")}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="sm" data-testid="addressed-flags">
      <Text fw={600} mb="xs">
        {t("addressed.flagsTitle", { count: data.flags.length })}
      </Text>
      {FLAG_KINDS.map((kind) => {
        const flags = data.flags.filter((flag) => flag.kind === kind);
        if (flags.length === 0) return null;
        const isExpanded = expanded.has(kind);
        const shown = isExpanded ? flags : flags.slice(0, SHOWN);
        return (
          <div key={kind} data-testid={`addressed-flags-${kind}`}>
            <Group gap="xs" mt="sm" mb={4}>
              <Badge color={FLAG_COLORS[kind]} variant="light">
                {t(`addressed.flagKinds.${kind}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {flags.length}
              </Text>
            </Group>
            <List size="sm" spacing={2}>
              {shown.map((flag) => (
                <List.Item
                  key={`${flag.kind}-${flag.schoolId}-${flag.teacherId ?? ""}-${flag.requestId ?? ""}-${flag.sentence}`}
                >
                  {flag.sentence}
                </List.Item>
              ))}
            </List>
            {flags.length > SHOWN && (
              <Button
                variant="subtle"
                size="compact-sm"
                mt={4}
                data-testid={`addressed-flags-${kind}-toggle`}
                onClick={() =>
                  setExpanded((current) => {
                    const next = new Set(current);
                    if (isExpanded) next.delete(kind);
                    else next.add(kind);
                    return next;
                  })
                }
              >
                {isExpanded ? t("addressed.showFewer") : t("addressed.showAll", { count: flags.length })}
              </Button>
            )}
          </div>
        );
      })}
    </Paper>
  );
}
