import { Badge, Button, Grid, Group, Paper, Stack, Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { can, useMe } from "../../app/session";
import { CATEGORY_KEYS } from "./category-badge";
import { useRuleSets, useSetRuleSetActive } from "./identification.queries";
import { RuleSetEditor } from "./rule-set-editor";

/** The region's rule sets: a list with on/off switches, and the editor of the chosen one (or a new one). */
export function RuleSetsPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = can(me, "identification.manage");
  const ruleSets = useRuleSets();
  const setActive = useSetRuleSetActive();
  const [selected, setSelected] = useState<number | null | "none">("none");
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="sm">
          {canEdit && (
            <Button variant="light" onClick={() => setSelected(null)} data-testid="rule-set-new">
              {t("identification.newRuleSet")}
            </Button>
          )}
          <Paper p={0}>
            <Table highlightOnHover verticalSpacing="xs" data-testid="rule-sets-table">
              <Table.Tbody>
                {(ruleSets.data ?? []).map((r) => (
                  <Table.Tr
                    key={r.id}
                    onClick={() => setSelected(r.id)}
                    bg={r.id === selected ? "indigo.0" : undefined}
                    style={{ cursor: "pointer" }}
                  >
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.name}
                      </Text>
                      <Group gap="xs" mt={2}>
                        <Badge variant="light" size="sm">
                          {r.category === "risk" ? t("identification.rsRisk") : t(CATEGORY_KEYS[r.category])}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {t("identification.version")} {r.version}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td onClick={(event) => event.stopPropagation()}>
                      <Switch
                        label={t("identification.active")}
                        checked={r.isActive}
                        disabled={!canEdit}
                        onChange={(event) =>
                          setActive.mutate({ id: r.id, isActive: event.currentTarget.checked })
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {selected !== "none" && (
          <RuleSetEditor
            id={selected}
            onSaved={(id) => setSelected(id)}
            onDeleted={() => setSelected("none")}
          />
        )}
      </Grid.Col>
    </Grid>
  );
}
