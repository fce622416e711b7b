import { Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useWorkRegion } from "../../app/work-region";
import { QueryView } from "../../components/query-view";
import { MaterialCard } from "./material-card";
import { useLinkedMaterials, useMaterialLinkWrites, useMaterials } from "./materials.queries";

type Entity = "measure" | "course" | "plan";

/** A search of the bank and a button that links the material chosen. */
function LinkPicker({ entity, entityId, linked }: { entity: Entity; entityId: number; linked: number[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q, 300);
  const region = useWorkRegion();
  const found = useMaterials({
    q: debounced,
    kind: null,
    level: null,
    regionId: region.regionId,
    enabled: region.isReady,
  });
  const { link } = useMaterialLinkWrites();
  const options = (found.data?.items ?? [])
    .filter((m) => !linked.includes(m.id))
    .map((m) => ({ value: String(m.id), label: m.title }));
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <Select
          label={t("partners.materials.linkTitle")}
          placeholder={t("partners.materials.linkSearch")}
          searchable
          clearable
          filter={({ options: all }) => all}
          searchValue={q}
          onSearchChange={setQ}
          data={options}
          value={chosen}
          onChange={setChosen}
          nothingFoundMessage={t("partners.materials.none")}
          w={420}
          data-testid={`material-link-${entity}-${entityId}`}
        />
        <Button
          variant="light"
          disabled={chosen === null}
          loading={link.isPending}
          onClick={() =>
            chosen &&
            link.mutate(
              { materialId: Number(chosen), entity, entityId },
              {
                onSuccess: () => {
                  setChosen(null);
                  setQ("");
                },
              },
            )
          }
        >
          {t("partners.materials.linkButton")}
        </Button>
      </Group>
      {link.isError && (
        <Text c="red" size="sm">
          {link.error.message}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The «Материалы» block of a measure, a course or a plan page: the materials of the bank linked
 * from it, and for those who may link, a search of the bank to link one and a button to unlink.
 * Put `<LinkedMaterials entity="measure" entityId={id} />` on the page.
 */
export function LinkedMaterials({ entity, entityId }: { entity: Entity; entityId: number }) {
  const { t } = useTranslation();
  const query = useLinkedMaterials(entity, entityId);
  const { unlink } = useMaterialLinkWrites();
  return (
    <Stack gap="xs" data-testid="linked-materials">
      <Title order={5}>{t("partners.materials.linked")}</Title>
      <QueryView query={query}>
        {(data) => (
          <Stack gap="xs">
            {data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("partners.materials.noLinked")}
              </Text>
            ) : (
              data.items.map(({ linkId, material }) => (
                <MaterialCard
                  key={linkId}
                  item={material}
                  actions={
                    data.permissions.canLink && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="gray"
                        loading={unlink.isPending && unlink.variables === linkId}
                        onClick={() => unlink.mutate(linkId)}
                      >
                        {t("partners.materials.unlink")}
                      </Button>
                    )
                  }
                />
              ))
            )}
            {data.permissions.canLink && (
              <LinkPicker entity={entity} entityId={entityId} linked={data.items.map((i) => i.material.id)} />
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
