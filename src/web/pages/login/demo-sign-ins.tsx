import { Paper, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { apiGet } from "../../app/api-client";

// TODO(lead): move to src/shared/api.ts next to the route's response schema.
const demoSignInsSchema = z.object({
  isDemo: z.boolean(),
  signIns: z.array(z.object({ login: z.string(), password: z.string(), description: z.string() })),
});

/** A demo account offered on the sign-in page of a demo installation. */
export type DemoSignIn = z.infer<typeof demoSignInsSchema>["signIns"][number];

/** Demo accounts, when the server is a demo installation; nothing otherwise (or when the route is absent). */
export function DemoSignIns({ onPick }: { onPick: (signIn: DemoSignIn) => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["demo-sign-ins"],
    queryFn: () => apiGet("/api/demo/sign-ins", demoSignInsSchema),
    retry: false,
    meta: { isSilent: true },
  });
  const signIns = query.data?.isDemo ? query.data.signIns : [];
  if (signIns.length === 0) return null;

  return (
    <Paper bg="yellow.0" data-testid="demo-sign-ins">
      <Stack gap="xs">
        <Text fw={600}>{t("login.demoTitle")}</Text>
        <Text size="sm" c="dimmed">
          {t("login.demoHint")}
        </Text>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("login.login")}</Table.Th>
                <Table.Th>{t("login.password")}</Table.Th>
                <Table.Th>{t("login.demoWho")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {signIns.map((s) => (
                <Table.Tr key={s.login}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <UnstyledButton onClick={() => onPick(s)} data-login={s.login}>
                      <Text size="sm" ff="monospace" c="indigo.8" td="underline">
                        {s.login}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Text size="sm" ff="monospace" c="dimmed">
                      {s.password}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.description}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
