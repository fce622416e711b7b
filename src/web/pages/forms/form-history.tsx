import { Paper, Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FORM_STATUS_LABELS } from "../../../core/forms/form-workflow";
import type { FormEvent } from "../../../shared/data-collection";
import { formatMoscowDateTime } from "../../components/format";

/** The form's history: who moved it where and when, with messages (returns, unlocks). */
export function FormHistory({ events }: { events: readonly FormEvent[] }) {
  const { t } = useTranslation();
  return (
    <Paper data-testid="form-history">
      <Text fw={600} mb="sm">
        {t("dataForm.history")}
      </Text>
      {events.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("dataForm.noEvents")}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={events.length - 1}>
          {[...events].map((e) => (
            <Timeline.Item key={e.id} title={FORM_STATUS_LABELS[e.toStatus]}>
              <Text size="xs" c="dimmed">
                {formatMoscowDateTime(e.at)} · {e.actorName}
              </Text>
              {e.message && <Text size="sm">{e.message}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
