import { Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useMunicipalities } from "./municipalities.queries";
import { MunicipalitiesTable } from "./municipalities-table";

/** «Муниципалитеты»: every municipality the user can see, with school figures. */
export function MunicipalitiesPage() {
  const { t } = useTranslation();
  const query = useMunicipalities();
  return (
    <Stack gap="lg">
      <PageHeader title={t("nav.municipalities")} />
      <QueryView query={query}>
        {(municipalities) => (
          <Paper p={0}>
            <MunicipalitiesTable municipalities={municipalities} />
          </Paper>
        )}
      </QueryView>
    </Stack>
  );
}
