import { Anchor, Button, Checkbox, Group, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { formatDateRu } from "../../../core/plans/iso-date";
import { REQUEST_STATUSES } from "../../../core/support";
import { useMe } from "../../app/session";
import { PageHeader, useDocumentTitle } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { OverdueBadge, RequestStatusBadge } from "./request-badges";
import { RequestFileModal } from "./request-file-modal";
import { useRequests } from "./support.queries";

/**
 * «Заявки на специалистов»: the requests of the user's scope (a specialist only theirs), by state, the
 * overdue ones marked with the rule said in a line; a school or a МОЦ files a new one.
 */
export function RequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t("support.navRequests"));
  const [params, setParams] = useSearchParams();
  const [isFiling, setFiling] = useState(false);
  const status = REQUEST_STATUSES.find((s) => s === params.get("status"));
  const isOverdueOnly = params.get("overdue") === "true";
  const requests = useRequests({ status, overdue: isOverdueOnly ? "true" : undefined });
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const canFile = requests.data?.permissions.canFile ?? false;
  return (
    <Stack>
      <PageHeader
        title={t("support.navRequests")}
        subtitle={
          me.role === "specialist" ? t("support.requests.subtitleSpecialist") : t("support.requests.subtitle")
        }
        actions={
          canFile && (
            <Button onClick={() => setFiling(true)} data-testid="file-request">
              {t("support.requests.file")}
            </Button>
          )
        }
      />
      <Paper>
        <Group align="flex-end">
          <Select
            label={t("support.requests.status")}
            placeholder={t("support.requests.allStatuses")}
            clearable
            value={status ?? null}
            onChange={(value) => setParam("status", value)}
            data={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`support.status.${s}`) }))}
          />
          <Checkbox
            label={t("support.requests.overdueOnly")}
            checked={isOverdueOnly}
            onChange={(event) => setParam("overdue", event.currentTarget.checked ? "true" : null)}
          />
          {requests.data && (
            <Text c={requests.data.overdueCount > 0 ? "red" : "dimmed"} size="sm" data-testid="overdue-count">
              {t("support.requests.overdueCount", { count: requests.data.overdueCount })}
            </Text>
          )}
        </Group>
        {requests.data && (
          <Text size="xs" c="dimmed" mt="xs">
            {t("support.requests.overdueRule", { days: requests.data.newOverdueDays })}
          </Text>
        )}
      </Paper>
      <QueryView query={requests}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t("support.requests.empty")}</Text>
          ) : (
            <Paper p={0}>
              <Table striped highlightOnHover data-testid="requests-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>№</Table.Th>
                    <Table.Th>{t("support.requests.school")}</Table.Th>
                    <Table.Th>{t("support.requests.specialistKind")}</Table.Th>
                    <Table.Th>{t("support.requests.target")}</Table.Th>
                    <Table.Th>{t("support.requests.status")}</Table.Th>
                    <Table.Th>{t("support.requests.specialist")}</Table.Th>
                    <Table.Th>{t("support.requests.scheduledOn")}</Table.Th>
                    <Table.Th>{t("support.requests.filedOn")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={r.id} data-testid={`request-row-${r.id}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/support/requests/${r.id}`}>
                          {r.id}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {r.school.code} {r.school.name}
                      </Table.Td>
                      <Table.Td>{t(`support.specialistKind.${r.specialistKind}`)}</Table.Td>
                      <Table.Td>{t(`support.target.${r.target}`)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <RequestStatusBadge status={r.status} />
                          {r.overdue && <OverdueBadge sentence={r.overdue.sentence} />}
                        </Group>
                      </Table.Td>
                      <Table.Td>{r.specialist?.fullName ?? "—"}</Table.Td>
                      <Table.Td>{r.scheduledOn ? formatDateRu(r.scheduledOn) : "—"}</Table.Td>
                      <Table.Td>{formatDateRu(r.filedOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryView>
      {isFiling && <RequestFileModal onClose={() => setFiling(false)} />}
    </Stack>
  );
}
