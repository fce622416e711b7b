import { Stack, Table, Text } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { Activity, ActivityStatus, Plan } from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import { deadlineReading } from "./plan-format";
import { Execution, Indicator, Links, multiline, StatusCell } from "./plan-table-cells";

/** What the table lets a user do per activity; absent handlers hide the controls. */
export type PlanTableActions = {
  onStatus?: (activityId: string, status: ActivityStatus) => void;
  onCheckIn?: (activity: Activity) => void;
  onAssign?: (activity: Activity) => void;
};

/** Props of the readable plan table. */
export type PlanTableProps = {
  plan: Plan;
  /** The plan's page data (check-ins, assignees, comments, quality, names); none for an old version. */
  detail?: PlanDetail;
  actions?: PlanTableActions;
};

/**
 * The plan as a readable table, sections as row groups: № | Мероприятие | Сроки | Ответственные |
 * Показатель реализации | Статус. Under a title: links to causes and measures, quality findings,
 * check-ins, assignees; overdue rows are highlighted; execution controls where allowed.
 */
export function PlanTable({ plan, detail, actions }: PlanTableProps) {
  const { t } = useTranslation();
  const overdue = new Set(detail?.overdue.map((item) => item.activityId) ?? []);
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="plan-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t("plans.table.number")}</Table.Th>
            <Table.Th>{t("plans.table.activity")}</Table.Th>
            <Table.Th w={160}>{t("plans.table.deadline")}</Table.Th>
            <Table.Th w={180}>{t("plans.table.owners")}</Table.Th>
            <Table.Th w={230}>{t("plans.table.indicatorColumn")}</Table.Th>
            <Table.Th w={170}>{t("plans.table.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.sections.map((section) => (
            <Fragment key={section.id}>
              <Table.Tr bg="gray.1" data-testid={`section-row-${section.id}`}>
                <Table.Td colSpan={6}>
                  <Text fw={600} size="sm">
                    {[section.number.trim().replace(/\.$/, ""), section.title].filter(Boolean).join(". ")}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {section.activities.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text size="sm" c="dimmed">
                      {t("plans.table.emptySection")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {section.activities.map((activity) => (
                <Table.Tr
                  key={activity.id}
                  bg={overdue.has(activity.id) ? "red.0" : undefined}
                  data-testid={`activity-row-${activity.id}`}
                >
                  <Table.Td>
                    <Text size="sm">{activity.number}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Text size="sm" style={multiline}>
                        {activity.title}
                      </Text>
                      <Links activity={activity} detail={detail} />
                      <Execution activity={activity} detail={detail} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={multiline}>
                      {activity.deadline.text || "—"}
                    </Text>
                    <Text size="xs" c={activity.deadline.kind === "unreadable" ? "orange.8" : "dimmed"}>
                      {deadlineReading(activity.deadline, t)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={multiline}>
                      {activity.owners.join(",\n") || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Indicator activity={activity} detail={detail} />
                  </Table.Td>
                  <Table.Td>
                    <StatusCell activity={activity} detail={detail} actions={actions} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
