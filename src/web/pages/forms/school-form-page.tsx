import { Alert, Anchor, Group, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { isLocked } from "../../../core/forms/form-workflow";
import type { SchoolForm } from "../../../shared/data-collection";
import { can, useMe } from "../../app/session";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { useFormDashboard } from "../data/data.queries";
import { FormChanges } from "./form-changes";
import { FormEditor } from "./form-editor";
import { FormHistory } from "./form-history";
import { FormStatusBadge } from "./form-status-badge";
import { useSchoolForm } from "./forms.queries";

/** A banner saying why the form is (not) editable: returned with the message, locked, or waiting. */
function StateBanner({ form }: { form: SchoolForm }) {
  const { t } = useTranslation();
  if (form.status === "returned") {
    return (
      <Alert color="orange" title={t("dataForm.returnedBanner")} data-testid="return-message">
        {form.returnMessage}
      </Alert>
    );
  }
  if (isLocked(form.status)) return <Alert color="teal">{t("dataForm.lockedHint")}</Alert>;
  if (form.status === "submitted") return <Alert color="blue">{t("dataForm.readOnlyHint")}</Alert>;
  return null;
}

/** «Форма данных»: a school's values for a year, its state, buttons by permission and its history. */
export function SchoolFormPage() {
  const { t } = useTranslation();
  const me = useMe();
  const params = useParams();
  const navigate = useNavigate();
  const schoolId = parseId(params.id) ?? 0;
  const year = parseId(params.year) ?? 0;
  const form = useSchoolForm(schoolId, year);
  const dashboard = useFormDashboard(undefined);
  const years = [...new Set([year, ...(dashboard.data?.years ?? [])])].sort((a, b) => b - a);
  return (
    <QueryView query={form}>
      {(data) => (
        <Stack gap="md">
          <PageHeader
            title={t("dataForm.title", { year: `${data.year - 1}/${data.year}` })}
            subtitle={`${data.school.name} · ${data.school.municipalityName}`}
            crumbs={[
              { label: t("dataForm.backToDashboard"), to: "/data" },
              { label: data.school.name, to: `/schools/${data.school.id}` },
            ]}
            actions={
              <Group gap="sm">
                <FormStatusBadge status={data.status} />
                <Select
                  aria-label={t("dataForm.year")}
                  w={140}
                  allowDeselect={false}
                  data={years.map((y) => ({ value: String(y), label: `${y - 1}/${y}` }))}
                  value={String(year)}
                  onChange={(v) => v && navigate(`/schools/${schoolId}/forms/${v}`)}
                />
                {(can(me, "data.export") || can(me, "data.enter")) && (
                  <Anchor href={`/api/export/template?schoolId=${schoolId}&year=${year}`} size="sm">
                    {t("dataForm.template")}
                  </Anchor>
                )}
              </Group>
            }
          />
          <StateBanner form={data} />
          <FormEditor
            key={`${data.status}:${data.events.length}:${data.fields.map((f) => f.value).join(",")}`}
            form={data}
          />
          <FormHistory events={data.events} />
          <FormChanges changes={data.changes} fields={data.fields} />
          <Text size="xs" c="dimmed">
            {data.school.code}
          </Text>
        </Stack>
      )}
    </QueryView>
  );
}
