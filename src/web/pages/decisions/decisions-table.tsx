import { Badge, Button, Group, Spoiler, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Dynamics } from "../../../core/decisions";
import type { DecisionRow, DecisionsPage } from "../../../shared/decisions-api";
import { DecisionForm, ReturnForm } from "./decision-form";
import { useDecideDecision } from "./decisions.queries";

const DYNAMICS_COLORS: Record<Dynamics, string> = {
  improved: "green",
  unchanged: "gray",
  declined: "red",
  no_data: "gray",
};

const STATUS_COLORS = { proposed: "blue", approved: "green", returned: "orange" } as const;

const num = (value: number | null) =>
  value === null ? "—" : value.toLocaleString("ru-RU", { maximumFractionDigits: 2 });

function DynamicsBadge({ value }: { value: Dynamics }) {
  const { t } = useTranslation();
  return (
    <Badge variant={value === "no_data" ? "outline" : "light"} color={DYNAMICS_COLORS[value]}>
      {t(`decisions.dynamics.${value}`)}
    </Badge>
  );
}

function Targets({ row }: { row: DecisionRow }) {
  const { t } = useTranslation();
  const reached = row.targets.filter((target) => target.isReached === true).length;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {t(`decisions.verdicts.${row.targetVerdict}`)}
        {row.targets.length > 0 && ` (${t("decisions.reachedOf", { reached, total: row.targets.length })})`}
      </Text>
      {row.targets.length > 0 && (
        <Spoiler maxHeight={0} showLabel={t("decisions.showTargets")} hideLabel={t("decisions.hideTargets")}>
          {row.targets.map((target) => (
            <Text
              key={`${target.code}-${target.year}-${target.target}-${target.text}`}
              size="xs"
              c={target.isReached ? "green.8" : "dimmed"}
            >
              {t("decisions.target", {
                name: target.name,
                baseline: num(target.baseline),
                target: num(target.target),
                actual: num(target.actual),
              })}{" "}
              —{" "}
              {target.isReached === null
                ? t("decisions.targetNoValue")
                : target.isReached
                  ? t("decisions.targetReached")
                  : t("decisions.targetMissed")}
            </Text>
          ))}
        </Spoiler>
      )}
    </Stack>
  );
}

function Decision({ row }: { row: DecisionRow }) {
  const { t } = useTranslation();
  const decision = row.decision;
  if (!decision || decision.status === "returned")
    return (
      <Stack gap={2}>
        <Badge color="red" variant="light" data-testid="decision-missing">
          {t("decisions.noDecision")}
        </Badge>
        {decision && (
          <Text size="xs" c="orange.8">
            {t("decisions.returnedWith", { message: decision.message })}
          </Text>
        )}
      </Stack>
    );
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {t(`decisions.kinds.${decision.kind}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {decision.reasons}
      </Text>
    </Stack>
  );
}

/** The table of the programme schools: verdicts, targets, decision, state and what the user may do. */
export function DecisionsTable({ data }: { data: DecisionsPage }) {
  const { t } = useTranslation();
  const decide = useDecideDecision();
  const [editing, setEditing] = useState<DecisionRow | null>(null);
  const [returning, setReturning] = useState<number | null>(null);
  return (
    <>
      <Table striped withTableBorder data-testid="decisions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("decisions.colSchool")}</Table.Th>
            <Table.Th>{t("decisions.colSubject")}</Table.Th>
            <Table.Th>{t("decisions.colPersonal")}</Table.Th>
            <Table.Th>{t("decisions.colOlympiad")}</Table.Th>
            <Table.Th>{t("decisions.colTargets")}</Table.Th>
            <Table.Th>{t("decisions.colDecision")}</Table.Th>
            <Table.Th>{t("decisions.colStatus")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.schools.map((row) => {
            const status = row.decision?.status ?? null;
            const canEdit = data.canPropose && status !== "approved";
            const canDecide = data.canApprove && status === "proposed";
            return (
              <Table.Tr key={row.schoolId} data-testid={`decision-row-${row.code}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.municipalityName} · {row.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DynamicsBadge value={row.dynamics.subject} />
                </Table.Td>
                <Table.Td>
                  <DynamicsBadge value={row.dynamics.personal} />
                </Table.Td>
                <Table.Td>
                  <DynamicsBadge value={row.dynamics.olympiad} />
                </Table.Td>
                <Table.Td maw={320}>
                  <Targets row={row} />
                </Table.Td>
                <Table.Td maw={260}>
                  <Decision row={row} />
                </Table.Td>
                <Table.Td>
                  {status && (
                    <Badge color={STATUS_COLORS[status]} data-testid="decision-status">
                      {t(`decisions.statuses.${status}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {canEdit && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(row)}
                        data-testid="decision-propose"
                      >
                        {status === null ? t("decisions.propose") : t("decisions.change")}
                      </Button>
                    )}
                    {canDecide && row.decision && (
                      <>
                        <Button
                          size="xs"
                          color="green"
                          loading={decide.isPending}
                          onClick={() =>
                            row.decision && decide.mutate({ id: row.decision.id, action: "approve" })
                          }
                          data-testid="decision-approve"
                        >
                          {t("decisions.approve")}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          color="orange"
                          onClick={() => setReturning(row.decision?.id ?? null)}
                          data-testid="decision-return"
                        >
                          {t("decisions.return")}
                        </Button>
                      </>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {editing && <DecisionForm row={editing} year={data.year} onClose={() => setEditing(null)} />}
      {returning !== null && (
        <ReturnForm
          isPending={decide.isPending}
          error={decide.error?.message ?? null}
          onClose={() => setReturning(null)}
          onSubmit={(message) =>
            decide.mutate(
              { id: returning, action: "return", message },
              { onSuccess: () => setReturning(null) },
            )
          }
        />
      )}
    </>
  );
}
