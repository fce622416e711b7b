import { Button, Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { Role } from "../../../shared/roles";
import { can, useMe } from "../../app/session";
import { PageHeader } from "../../components/page-header";
import { parseId } from "../../components/route-params";
import { SchoolFormModal } from "./school-form-modal";
import { SchoolsBrowser } from "./schools-browser";

function isAssignedOnly(role: Role): boolean {
  return role === "mentor" || role === "specialist";
}

/** «Школы»: search and filter the schools in the user's scope; «Добавить школу» with school.create. */
export function SchoolsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const municipalityId = parseId(params.get("municipalityId") ?? undefined);
  const canCreate = can(me, "school.create");
  const subtitle = isAssignedOnly(me.role)
    ? t("schools.assignedSubtitle")
    : me.municipalityName
      ? t("schools.municipalitySubtitle", { name: me.municipalityName })
      : (me.regionName ?? undefined);
  const isCreating = canCreate && params.get("create") === "1";
  const setCreating = (isOpen: boolean) =>
    setParams((p) => {
      if (isOpen) p.set("create", "1");
      else p.delete("create");
      return p;
    });

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("nav.schools")}
        subtitle={subtitle}
        actions={canCreate && <Button onClick={() => setCreating(true)}>{t("schools.add")}</Button>}
      />
      <Paper>
        <SchoolsBrowser />
      </Paper>
      {isCreating && (
        <SchoolFormModal
          school={null}
          municipalityId={municipalityId}
          onClose={() => setCreating(false)}
          onSaved={(school) => navigate(`/schools/${school.id}`)}
        />
      )}
    </Stack>
  );
}
