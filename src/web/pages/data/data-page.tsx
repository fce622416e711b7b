import { Button, Paper, Select, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { toQuery } from "../../app/api-client";
import { can, useMe } from "../../app/session";
import { RegionRequired, useWorkRegion } from "../../app/work-region";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useFormDashboard } from "./data.queries";
import { ProgressChart } from "./progress-chart";
import { ProgressTable } from "./progress-table";
import { SchoolFormsList } from "./school-forms-list";

function DataPageBody() {
  const { t } = useTranslation();
  const me = useMe();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [selected, setSelected] = useState<number | null>(me.municipalityId);
  const { regionId } = useWorkRegion();
  const dashboard = useFormDashboard(year, { regionId });
  if (me.role === "school_director" && me.schoolId !== null && dashboard.data) {
    return <Navigate to={`/schools/${me.schoolId}/forms/${dashboard.data.year}`} replace />;
  }
  return (
    <QueryView query={dashboard}>
      {(data) => {
        const row = data.rows.find((r) => r.municipalityId === selected);
        return (
          <Stack gap="md">
            <PageHeader
              title={t("nav.data")}
              subtitle={t("dashboard.subtitle")}
              actions={
                <>
                  <Select
                    aria-label={t("dataForm.year")}
                    w={140}
                    allowDeselect={false}
                    data={data.years.map((y) => ({ value: String(y), label: `${y - 1}/${y}` }))}
                    value={String(data.year)}
                    onChange={(v) => v && setYear(Number(v))}
                  />
                  {can(me, "data.export") && (
                    <Button
                      component="a"
                      variant="default"
                      href={`/api/export/values${toQuery({ year: data.year, regionId })}`}
                    >
                      {t("dashboard.exportValues")}
                    </Button>
                  )}
                  {can(me, "data.export") && row && (
                    <Button
                      component="a"
                      variant="default"
                      href={`/api/export/template?municipalityId=${row.municipalityId}&year=${data.year}`}
                    >
                      {t("dashboard.template")}
                    </Button>
                  )}
                </>
              }
            />
            <Paper>
              <ProgressTable rows={data.rows} selected={selected} onSelect={setSelected} />
            </Paper>
            {row && (
              <SchoolFormsList
                year={data.year}
                municipalityId={row.municipalityId}
                municipalityName={row.municipalityName}
              />
            )}
            <ProgressChart rows={data.rows} onSelect={setSelected} />
          </Stack>
        );
      }}
    </QueryView>
  );
}

/**
 * «Сбор данных»: submission progress by municipality (table and chart) for a year, a municipality's
 * schools with links to their forms, and the XLSX export. A school director goes straight to the form.
 */
export function DataPage() {
  const { t } = useTranslation();
  return (
    <RegionRequired title={t("nav.data")}>
      <DataPageBody />
    </RegionRequired>
  );
}
