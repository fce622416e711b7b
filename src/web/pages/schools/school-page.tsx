import { Button, Group, Paper, Stack, Tabs } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { School } from "../../../shared/api";
import { can, useMe } from "../../app/session";
import { MessagePage } from "../../components/message-page";
import { type Crumb, PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { parseId } from "../../components/route-params";
import { SchoolCausesSection } from "../causes/school-causes-section";
import { useFormDashboard } from "../data/data.queries";
import { SchoolCategories } from "../identification/school-categories";
import { SchoolFormModal } from "./school-form-modal";
import { SchoolPassport } from "./school-passport";
import { useSchool } from "./schools.queries";

/** Tabs of the school card; later issues add indicators and identification. */
const TABS = ["passport"] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return TABS.some((tab) => tab === value);
}

/**
 * The card's sections as tabs, or, while there is only one section, that section alone: a tab bar
 * with a single tab offers nothing to choose.
 */
function CardTabs({
  tab,
  onChange,
  panels,
}: {
  tab: Tab;
  onChange: (tab: Tab) => void;
  panels: Record<Tab, { label: string; content: ReactNode }>;
}) {
  if (TABS.length < 2) return panels[tab].content;
  return (
    <Tabs value={tab} onChange={(value) => isTab(value) && onChange(value)}>
      <Tabs.List>
        {TABS.map((value) => (
          <Tabs.Tab key={value} value={value}>
            {panels[value].label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {TABS.map((value) => (
        <Tabs.Panel key={value} value={value} pt="md">
          {panels[value].content}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function SchoolCard({ school }: { school: School }) {
  const { t } = useTranslation();
  const me = useMe();
  const [isEditing, setEditing] = useState(false);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get("tab");
  const tab: Tab = isTab(tabParam) ? tabParam : "passport";
  const crumbs: Crumb[] = [];
  if (can(me, "region.read")) crumbs.push({ label: t("nav.municipalities"), to: "/municipalities" });
  if (can(me, "municipality.read")) {
    crumbs.push({ label: school.municipalityName, to: `/municipalities/${school.municipalityId}` });
  } else if (me.role !== "school_director") {
    crumbs.push({ label: t("nav.schools"), to: "/schools" });
  }
  // the form of the year being collected (the one «Сбор данных» opens), for whoever may read it
  const canReadForm = can(me, "school.read");
  const collection = useFormDashboard(undefined, { enabled: canReadForm });
  const formYear = collection.data?.year;
  const actions = (
    <Group gap="sm">
      {canReadForm && formYear !== undefined && (
        <Button
          component={Link}
          to={`/schools/${school.id}/forms/${formYear}`}
          variant="light"
          data-testid="school-form-link"
        >
          {t("school.formLink", { year: `${formYear - 1}/${formYear}` })}
        </Button>
      )}
      <Button
        component={Link}
        to={`/schools/${school.id}/teachers`}
        variant="light"
        data-testid="school-teachers-link"
      >
        {t("teachers.openFromSchool")}
      </Button>
      <Button
        component={Link}
        to={`/schools/${school.id}/partners`}
        variant="light"
        data-testid="school-partners-link"
      >
        {t("partners.schoolTitle")}
      </Button>
      {school.permissions.canEdit && (
        <Button variant="light" onClick={() => setEditing(true)}>
          {t("common.edit")}
        </Button>
      )}
    </Group>
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={school.shortName}
        subtitle={`${school.kind} · ${school.municipalityName}`}
        crumbs={crumbs}
        actions={actions}
      />
      <CardTabs
        tab={tab}
        onChange={(value) => setParams(value !== "passport" ? { tab: value } : {})}
        panels={{
          passport: {
            label: t("school.tabPassport"),
            content: (
              <Paper>
                <SchoolPassport school={school} />
              </Paper>
            ),
          },
        }}
      />
      <SchoolCategories schoolId={school.id} />
      <SchoolCausesSection schoolId={school.id} />
      {isEditing && <SchoolFormModal school={school} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

/** The school card: its sections («Паспорт» for now, as tabs once there are more); «нет доступа» when out of scope. */
export function SchoolPage() {
  const { t } = useTranslation();
  const id = parseId(useParams().id);
  const query = useSchool(id);
  if (id === null) return <MessagePage title={t("errors.notFoundTitle")} text={t("school.notFound")} />;
  return (
    <QueryView query={query} notFoundText={t("school.notFound")}>
      {(school) => <SchoolCard school={school} />}
    </QueryView>
  );
}
