import {
  Alert,
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { ROLE_LABELS } from "../../shared/roles";
import { NAV_SECTIONS, visibleNavItems } from "./navigation";
import { useMe, useSignOut } from "./session";
import { WorkRegionPicker } from "./work-region";

const DEMO_BANNER_STYLES = {
  root: {
    backgroundColor: "var(--mantine-color-yellow-2)",
    border: "1px solid var(--mantine-color-yellow-5)",
  },
  body: { gap: 0 },
  message: { color: "var(--mantine-color-dark-8)", fontWeight: 500, fontSize: "var(--mantine-font-size-sm)" },
};

/** The frame of every signed-in page: header with the user, permission-driven navigation, demo banner. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const { pathname } = useLocation();
  const visible = visibleNavItems(me);
  const [isNavOpen, nav] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("shell.menu")}
            />
            <Title order={3} c="indigo.8">
              {t("app.name")}
            </Title>
            {me.isDemo && (
              <Badge color="yellow" variant="filled" c="dark.8" size="sm">
                {t("shell.demoBadge")}
              </Badge>
            )}
            {me.regionName && (
              <Text c="dimmed" size="sm" visibleFrom="md" truncate>
                {me.regionName}
              </Text>
            )}
            <WorkRegionPicker />
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="xs">
              <Text size="sm" fw={500} data-testid="shell-user-name">
                {me.fullName}
              </Text>
              <Text size="xs" c="dimmed" data-testid="shell-user-role">
                {ROLE_LABELS[me.role]}
                {me.municipalityName && ` · ${me.municipalityName}`}
              </Text>
            </Stack>
            <Button variant="default" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate()}>
              {t("shell.signOut")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t("shell.navigation")}>
        <ScrollArea type="auto" offsetScrollbars>
          {NAV_SECTIONS.map((section) => {
            const items = visible.filter((item) => item.section === section);
            if (items.length === 0) return null;
            return (
              <div key={section}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                  {t(`shell.sections.${section}`)}
                </Text>
                {items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={t(item.labelKey)}
                    active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
                    onClick={nav.close}
                  />
                ))}
              </div>
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        {me.isDemo && (
          <Alert
            color="yellow"
            variant="light"
            mb="lg"
            py={8}
            role="note"
            data-testid="demo-banner"
            styles={DEMO_BANNER_STYLES}
          >
            {t("shell.demoBanner")}
          </Alert>
        )}
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
