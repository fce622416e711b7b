import { Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MATERIAL_KINDS, MATERIAL_LEVELS } from "../../../core/materials/material-kinds";
import type { MaterialItem } from "../../../shared/materials-api";
import { useWorkRegion } from "../../app/work-region";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { MaterialCard } from "./material-card";
import { MaterialFormModal } from "./material-form-modal";
import { useMaterials } from "./materials.queries";

/** The materials bank: a search box (Russian full-text search), filters by kind and level, snippets; adding and editing for its keepers. */
export function MaterialsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q, 300);
  const [editing, setEditing] = useState<MaterialItem | "new" | null>(null);
  // a federal operator reads the region chosen in the header
  const region = useWorkRegion();
  const query = useMaterials({
    q: debounced,
    kind,
    level,
    regionId: region.regionId,
    enabled: region.isReady,
  });
  return (
    <Stack>
      <PageHeader
        title={t("partners.materials.title")}
        actions={
          query.data?.permissions.canWrite && (
            <Button onClick={() => setEditing("new")} data-testid="material-add">
              {t("partners.materials.add")}
            </Button>
          )
        }
      />
      <Group align="end">
        <TextInput
          style={{ flex: 1 }}
          label={t("partners.materials.search")}
          description={t("partners.materials.searchHint")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="materials-search"
        />
        <Select
          clearable
          placeholder={t("partners.materials.allKinds")}
          value={kind}
          onChange={setKind}
          data={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`partners.materials.kinds.${k}`) }))}
        />
        <Select
          clearable
          placeholder={t("partners.materials.allLevels")}
          value={level}
          onChange={setLevel}
          data={MATERIAL_LEVELS.map((l) => ({ value: l, label: t(`partners.materials.levels.${l}`) }))}
        />
      </Group>
      <QueryView query={query}>
        {(data) => (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {data.items.length === 0
                ? t("partners.materials.none")
                : t("partners.materials.found", { count: data.total })}
            </Text>
            {data.items.map((item) => (
              <MaterialCard
                key={item.id}
                item={item}
                actions={
                  item.canEdit && (
                    <Button size="xs" variant="subtle" onClick={() => setEditing(item)}>
                      {t("partners.materials.edit")}
                    </Button>
                  )
                }
              />
            ))}
          </Stack>
        )}
      </QueryView>
      {editing !== null && (
        <MaterialFormModal item={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
