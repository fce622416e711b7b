import { Badge, Paper, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ContextModelResponse } from "../../../core/analytics";
import { formatPValue, formatValue } from "./analytics-format";

/** The regression's coefficients with standard errors, t, p and whether the sign is the expected one. */
export function ContextCoefficients({ data }: { data: ContextModelResponse }) {
  const { t } = useTranslation();
  return (
    <Paper p={0}>
      <Text fw={600} p="md" pb={0}>
        {t("analytics.coefficientsTitle")}
      </Text>
      <Table striped data-testid="coefficients-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("analytics.term")}</Table.Th>
            <Table.Th ta="right">{t("analytics.estimate")}</Table.Th>
            <Table.Th ta="right">{t("analytics.standardError")}</Table.Th>
            <Table.Th ta="right">t</Table.Th>
            <Table.Th ta="right">p</Table.Th>
            <Table.Th>{t("analytics.sign")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.model.coefficients.map((c) => (
            <Table.Tr key={c.code ?? "intercept"}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td ta="right">{formatValue(c.estimate)}</Table.Td>
              <Table.Td ta="right">{formatValue(c.standardError)}</Table.Td>
              <Table.Td ta="right">{formatValue(c.tValue)}</Table.Td>
              <Table.Td ta="right">{formatPValue(c.pValue)}</Table.Td>
              <Table.Td>
                {c.isSignAsExpected === null ? null : c.isSignAsExpected ? (
                  <Badge color="green" variant="light">
                    {t("analytics.signExpected")}
                  </Badge>
                ) : (
                  <Badge color="orange" variant="light">
                    {t("analytics.signUnexpected")}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
