import { Paper, ScrollArea, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ClustersResponse } from "../../../core/analytics";
import { formatNumber, formatPercent } from "../../components/format";
import { formatShort } from "./analytics-format";

/** One row per cluster: size, ШНРО/ШФНСУ and rural shares, and the mean of each indicator in its units. */
export function ClusterProfilesTable({ data }: { data: ClustersResponse }) {
  const { t } = useTranslation();
  const share = (v: number | null) => (v === null ? t("common.none") : formatPercent(v));
  return (
    <Paper p={0}>
      <Text fw={600} p="md" pb={0}>
        {t("analytics.profilesTitle")}
      </Text>
      <ScrollArea>
        <Table striped data-testid="profiles-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("analytics.cluster")}</Table.Th>
              <Table.Th ta="right">{t("analytics.size")}</Table.Th>
              <Table.Th ta="right">{t("analytics.shnroShare")}</Table.Th>
              <Table.Th ta="right">{t("analytics.shfnsuShare")}</Table.Th>
              <Table.Th ta="right">{t("analytics.ruralShare")}</Table.Th>
              {data.indicators.map((i) => (
                <Table.Th key={i.code} ta="right" maw={180}>
                  {i.name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.profiles.map((p) => (
              <Table.Tr key={p.cluster}>
                <Table.Td>{t("analytics.clusterName", { n: p.cluster })}</Table.Td>
                <Table.Td ta="right">
                  {formatNumber(p.size)} ({formatPercent(p.share)})
                </Table.Td>
                <Table.Td ta="right">{share(p.shnroShare)}</Table.Td>
                <Table.Td ta="right">{share(p.shfnsuShare)}</Table.Td>
                <Table.Td ta="right">{formatPercent(p.ruralShare)}</Table.Td>
                {data.indicators.map((i) => (
                  <Table.Td key={i.code} ta="right">
                    {formatShort(p.means[i.code] ?? Number.NaN)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
