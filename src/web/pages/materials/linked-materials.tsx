import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../components/query-view";
import { MaterialCard } from "./material-card";
import { useLinkedMaterials } from "./materials.queries";

/**
 * The «Материалы» block of a measure, a course or a plan page: the materials of the bank linked
 * from it. Put `<LinkedMaterials entity="measure" entityId={id} />` on the page.
 */
export function LinkedMaterials({
  entity,
  entityId,
}: {
  entity: "measure" | "course" | "plan";
  entityId: number;
}) {
  const { t } = useTranslation();
  const query = useLinkedMaterials(entity, entityId);
  return (
    <Stack gap="xs" data-testid="linked-materials">
      <Title order={5}>{t("partners.materials.linked")}</Title>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("partners.materials.noLinked")}
            </Text>
          ) : (
            data.items.map(({ linkId, material }) => <MaterialCard key={linkId} item={material} />)
          )
        }
      </QueryView>
    </Stack>
  );
}
