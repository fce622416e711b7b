import { Anchor, Paper, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryView } from "../../components/query-view";
import { FormStatusBadge } from "../forms/form-status-badge";
import { useFormList } from "./data.queries";

/** Schools of the selected municipality with their form state and a link to each form. */
export function SchoolFormsList({
  year,
  municipalityId,
  municipalityName,
}: {
  year: number;
  municipalityId: number;
  municipalityName: string;
}) {
  const { t } = useTranslation();
  const list = useFormList(year, municipalityId);
  return (
    <Paper data-testid="school-forms">
      <Text fw={600} mb="sm">
        {t("dashboard.schoolsOf", { name: municipalityName })}
      </Text>
      <QueryView query={list}>
        {(data) => (
          <Table striped>
            <Table.Tbody>
              {data.items.map((s) => (
                <Table.Tr key={s.schoolId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/schools/${s.schoolId}/forms/${year}`}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {s.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <FormStatusBadge status={s.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Paper>
  );
}
