import { Alert, Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  type Activity,
  formatPeriodRu,
  PLAN_ACTION_LABELS,
  PLAN_KIND_LABELS,
  type PlanAction,
} from "../../../core/plans";
import type { PlanDetail } from "../../../shared/plans-api";
import { formatNumber, formatPercent } from "../../components/format";
import { MessagePage } from "../../components/message-page";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { StatCard } from "../../components/stat-card";
import { LinkedMaterials } from "../materials/linked-materials";
import { CommentsPanel } from "./comments-panel";
import { AssigneesDialog, CheckInDialog } from "./execution-dialogs";
import { OrderPanel } from "./order-panel";
import { PlanStatusBadge } from "./plan-badges";
import { PlanEditor } from "./plan-editor";
import { activitiesOf, activityName } from "./plan-format";
import { PlanTable } from "./plan-table";
import { useActivityStatus, usePlan } from "./plans.queries";
import { placeLabel } from "./plans-table";
import { QualityPanel } from "./quality-panel";
import { TransitionDialog } from "./transition-dialog";
import { VersionsPanel } from "./versions-panel";

function Downloads({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const base = `/api/plans/${plan.id}`;
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" data-testid="plan-downloads">
          {t("plans.documents.download")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={`${base}/export.xlsx`}>
          {t("plans.documents.xlsx")}
        </Menu.Item>
        <Menu.Item component="a" href={`${base}/report.docx`}>
          {t("plans.documents.report")}
        </Menu.Item>
        {plan.level === "municipal" && (
          <Menu.Item component="a" href={`${base}/order.docx`} disabled={!plan.order}>
            {t("plans.documents.order")}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function ReturnedBanner({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  if (plan.current.status !== "returned") return null;
  // The remarks of the latest return: made with it (in the same moment) or after it.
  const since = plan.events.filter((event) => event.action === "return").at(-1)?.at ?? "";
  const remarks = plan.comments.filter(
    (item) => item.side === "reviewer" && item.version === plan.current.version && item.createdAt >= since,
  );
  return (
    <Alert color="orange" title={t("plans.returnedTitle")} data-testid="returned-banner">
      {remarks.length === 0
        ? t("plans.returnedNoComments")
        : remarks.map((item) => {
            const activity = activitiesOf(plan.content).find((a) => a.id === item.activityId);
            return (
              <Text key={item.id} size="sm" style={{ whiteSpace: "pre-line" }}>
                {activity ? `${activityName(activity)} — ${item.body}` : item.body}
              </Text>
            );
          })}
    </Alert>
  );
}

function Figures({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const warnings = plan.quality.filter((issue) => issue.severity === "warning").length;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <StatCard label={t("plans.figures.activities")} value={formatNumber(plan.completion.total)} />
      <StatCard
        label={t("plans.figures.done")}
        value={plan.completion.share === null ? "—" : formatPercent(plan.completion.share)}
        hint={t("plans.figures.doneHint", {
          done: plan.completion.done,
          inProgress: plan.completion.inProgress,
        })}
      />
      <StatCard label={t("plans.figures.overdue")} value={formatNumber(plan.overdue.length)} />
      <StatCard label={t("plans.figures.warnings")} value={formatNumber(warnings)} />
    </SimpleGrid>
  );
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const [action, setAction] = useState<PlanAction | null>(null);
  const [checkIn, setCheckIn] = useState<Activity | null>(null);
  const [assign, setAssign] = useState<Activity | null>(null);
  const setStatus = useActivityStatus(plan.id);
  const p = plan.permissions;
  const warnings = plan.quality.filter((issue) => issue.severity === "warning").length;
  const subtitle = `${PLAN_KIND_LABELS[plan.kind]} · ${placeLabel(plan)} · ${formatPeriodRu(plan.content.period)}`;
  const buttons = (
    <Group gap="sm">
      <PlanStatusBadge status={plan.current.status} />
      <Badge variant="outline" color="gray">
        {t("plans.versionShort", { version: plan.current.version })}
      </Badge>
      {p.canEdit && !isEditing && (
        <Button variant="light" onClick={() => setEditing(true)} data-testid="plan-edit">
          {t("plans.edit")}
        </Button>
      )}
      {!isEditing &&
        plan.actions.map((item) => (
          <Button
            key={item}
            color={item === "return" ? "orange" : item === "approve" ? "green" : undefined}
            variant={item === "lock" || item === "revise" ? "light" : "filled"}
            onClick={() => setAction(item)}
            data-testid={`plan-action-${item}`}
          >
            {PLAN_ACTION_LABELS[item]}
          </Button>
        ))}
      <Downloads plan={plan} />
    </Group>
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title={plan.content.title}
        subtitle={subtitle}
        crumbs={[{ label: t("plans.title"), to: "/plans" }]}
        actions={buttons}
      />
      <ReturnedBanner plan={plan} />
      {plan.current.reason && (
        <Text size="sm" c="dimmed">
          {t("plans.revisionReason", { reason: plan.current.reason })}
        </Text>
      )}
      <Figures plan={plan} />
      <Tabs defaultValue="plan" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="plan">{t("plans.tabs.plan")}</Tabs.Tab>
          <Tabs.Tab value="quality" data-testid="tab-quality">
            {t("plans.tabs.quality", { count: warnings })}
          </Tabs.Tab>
          <Tabs.Tab value="comments" data-testid="tab-comments">
            {t("plans.tabs.comments", { count: plan.comments.length })}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">
            {t("plans.tabs.history")}
          </Tabs.Tab>
          {plan.level === "municipal" && (
            <Tabs.Tab value="order" data-testid="tab-order">
              {t("plans.tabs.order")}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md">
          {isEditing ? (
            <PlanEditor detail={plan} onClose={() => setEditing(false)} />
          ) : (
            <Paper p={0}>
              <PlanTable
                plan={plan.content}
                detail={plan}
                actions={{
                  onStatus: p.canRecordExecution
                    ? (activityId, status) => setStatus.mutate({ activityId, status })
                    : undefined,
                  onCheckIn: p.checkInActivityIds.length > 0 ? setCheckIn : undefined,
                  onAssign: p.canAssign ? setAssign : undefined,
                }}
              />
            </Paper>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="quality" pt="md">
          <QualityPanel issues={plan.quality} />
        </Tabs.Panel>
        <Tabs.Panel value="comments" pt="md">
          <CommentsPanel plan={plan} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <VersionsPanel plan={plan} />
        </Tabs.Panel>
        {plan.level === "municipal" && (
          <Tabs.Panel value="order" pt="md">
            <OrderPanel plan={plan} />
          </Tabs.Panel>
        )}
      </Tabs>
      <Paper>
        <LinkedMaterials entity="plan" entityId={plan.id} />
      </Paper>
      {action && <TransitionDialog plan={plan} action={action} onClose={() => setAction(null)} />}
      {checkIn && <CheckInDialog plan={plan} activity={checkIn} onClose={() => setCheckIn(null)} />}
      {assign && <AssigneesDialog plan={plan} activity={assign} onClose={() => setAssign(null)} />}
    </Stack>
  );
}

/** A plan: its table by sections, editing, quality, review comments, transitions, execution, history, documents. */
export function PlanPage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  const query = usePlan(id);
  if (id === null) return <MessagePage title={t("errors.notFoundTitle")} text={t("plans.notFound")} />;
  return (
    <QueryView query={query} notFoundText={t("plans.notFound")}>
      {(plan) => <PlanView plan={plan} />}
    </QueryView>
  );
}
