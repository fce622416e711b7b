import { Button, Paper, Stack, Switch } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../../../shared/data-collection";
import { RegionRequired } from "../../app/work-region";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { IndicatorFormModal } from "./indicator-form-modal";
import { useIndicators, useRetireIndicator } from "./indicators.queries";
import { IndicatorsTable } from "./indicators-table";

function IndicatorsPageBody() {
  const { t } = useTranslation();
  const indicators = useIndicators();
  const retire = useRetireIndicator();
  const [editing, setEditing] = useState<Indicator | "new" | null>(null);
  const [toggling, setToggling] = useState<Indicator | null>(null);
  const [showRetired, setShowRetired] = useState(false);
  const canManage = indicators.data?.permissions.canManage ?? false;
  const onConfirm = () => {
    if (!toggling) return;
    retire.mutate(
      { id: toggling.id, isRetired: !toggling.isRetired },
      { onSettled: () => setToggling(null) },
    );
  };
  return (
    <Stack gap="md">
      <PageHeader
        title={t("nav.indicators")}
        subtitle={t("indicators.subtitle")}
        actions={canManage && <Button onClick={() => setEditing("new")}>{t("indicators.add")}</Button>}
      />
      <Paper>
        <Switch
          mb="md"
          label={t("indicators.showRetired")}
          checked={showRetired}
          onChange={(e) => setShowRetired(e.currentTarget.checked)}
        />
        <QueryView query={indicators}>
          {(list) => (
            <IndicatorsTable
              items={list.items.filter((i) => showRetired || !i.isRetired)}
              canManage={list.permissions.canManage}
              onEdit={setEditing}
              onToggleRetired={setToggling}
            />
          )}
        </QueryView>
      </Paper>
      {editing !== null && (
        <IndicatorFormModal indicator={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.isRetired ? t("indicators.restoreTitle") : t("indicators.retireTitle")}
        text={t(toggling?.isRetired ? "indicators.restoreText" : "indicators.retireText", {
          name: toggling?.name ?? "",
        })}
        confirmLabel={toggling?.isRetired ? t("indicators.restore") : t("indicators.retire")}
        isPending={retire.isPending}
        onClose={() => setToggling(null)}
        onConfirm={onConfirm}
      />
    </Stack>
  );
}

/** «Показатели»: the region's catalogue grouped by group; an admin adds, edits and retires indicators. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  return (
    <RegionRequired title={t("nav.indicators")}>
      <IndicatorsPageBody />
    </RegionRequired>
  );
}
