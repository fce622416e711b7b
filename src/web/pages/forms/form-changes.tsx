import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FormField, FormValueChange } from "../../../shared/data-collection";
import { formatMoscowDateTime } from "../../components/format";
import { formatBound } from "../indicators/indicator-labels";

/** How many changes are shown before «show all». */
const FIRST = 10;

/** Changes of the form's values, newest first: what was entered, changed or cleared, by whom and when. */
export function FormChanges({
  changes,
  fields,
}: {
  changes: readonly FormValueChange[];
  fields: readonly FormField[];
}) {
  const { t } = useTranslation();
  const [isAll, setAll] = useState(false);
  const shown = isAll ? changes : changes.slice(0, FIRST);
  const units = new Map(fields.map((f) => [f.indicatorId, f.unit]));
  const show = (indicatorId: number, value: number | null) => {
    if (value === null) return t("dataForm.empty");
    if (units.get(indicatorId) === "bool") return value === 1 ? t("common.yes") : t("common.no");
    return formatBound(value);
  };
  return (
    <Paper data-testid="form-changes">
      <Text fw={600} mb="sm">
        {t("dataForm.changes")}
      </Text>
      {changes.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("dataForm.noChanges")}
        </Text>
      ) : (
        <Stack gap={6}>
          {shown.map((c) => (
            <div key={c.id}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm">
                  {c.name}: {show(c.indicatorId, c.oldValue)} → {show(c.indicatorId, c.newValue)}
                </Text>
                {c.newValue === null && (
                  <Badge size="xs" color="gray" variant="light">
                    {t("dataForm.cleared")}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {formatMoscowDateTime(c.changedAt)} · {c.changedBy ?? t("common.none")}
                {c.reason ? ` · ${c.reason}` : ""}
              </Text>
            </div>
          ))}
          {shown.length < changes.length && (
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => setAll(true)}>
              {t("dataForm.allChanges", { count: changes.length })}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}
