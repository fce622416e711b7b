import { Anchor, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PLAN_ACTIONS, PLAN_STATUS_LABELS, PLAN_STATUSES } from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import { formatMoscowDateTime } from "../../components/format";
import { QueryView } from "../../components/query-view";
import { PlanStatusBadge } from "./plan-badges";
import { PlanTable } from "./plan-table";
import { usePlanVersion } from "./plans.queries";

function statusLabel(value: string): string {
  const status = PLAN_STATUSES.find((item) => item === value);
  return status ? PLAN_STATUS_LABELS[status] : value;
}

const EVENT_ACTIONS = ["create", ...PLAN_ACTIONS] as const;

function eventAction(value: string): (typeof EVENT_ACTIONS)[number] | undefined {
  return EVENT_ACTIONS.find((item) => item === value);
}

function OldVersion({ planId, version, onClose }: { planId: number; version: number; onClose: () => void }) {
  const { t } = useTranslation();
  const query = usePlanVersion(planId, version);
  return (
    <Modal opened onClose={onClose} size="90%" title={t("plans.history.versionTitle", { version })}>
      <QueryView query={query}>
        {(data) => (
          <Stack>
            <Text size="sm" c="dimmed">
              {data.content.title}
            </Text>
            <PlanTable plan={data.content} />
          </Stack>
        )}
      </QueryView>
    </Modal>
  );
}

/** The versions of a plan (an old one opens as it was written) and every step of its review. */
export function VersionsPanel({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const actionLabel = (value: string) => {
    const action = eventAction(value);
    return action ? t(`plans.history.actions.${action}`) : value;
  };
  return (
    <Stack gap="md" data-testid="versions-panel">
      <Title order={5}>{t("plans.history.versions")}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("plans.history.version")}</Table.Th>
            <Table.Th>{t("plans.list.status")}</Table.Th>
            <Table.Th>{t("plans.history.reason")}</Table.Th>
            <Table.Th>{t("plans.history.createdBy")}</Table.Th>
            <Table.Th>{t("plans.history.approved")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.versions.map((version) => (
            <Table.Tr key={version.id}>
              <Table.Td>
                {version.id === plan.current.id ? (
                  <Text size="sm" fw={600}>
                    {t("plans.history.current", { version: version.version })}
                  </Text>
                ) : (
                  <Anchor
                    size="sm"
                    component="button"
                    onClick={() => setOpen(version.version)}
                    data-testid={`open-version-${version.version}`}
                  >
                    {t("plans.versionShort", { version: version.version })}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <PlanStatusBadge status={version.status} />
              </Table.Td>
              <Table.Td>{version.reason || "—"}</Table.Td>
              <Table.Td>
                <Text size="sm">{version.createdByName}</Text>
                <Text size="xs" c="dimmed">
                  {formatMoscowDateTime(version.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                {version.approvedAt
                  ? `${version.approvedByName ?? ""} · ${formatMoscowDateTime(version.approvedAt)}`
                  : "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={5}>{t("plans.history.events")}</Title>
      <Table striped data-testid="plan-events">
        <Table.Tbody>
          {plan.events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td w={150}>{formatMoscowDateTime(event.at)}</Table.Td>
              <Table.Td>{event.actorName}</Table.Td>
              <Table.Td>{actionLabel(event.action)}</Table.Td>
              <Table.Td>
                {event.fromStatus ? `${statusLabel(event.fromStatus)} → ` : ""}
                {statusLabel(event.toStatus)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                  {event.message}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open !== null && <OldVersion planId={plan.id} version={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
