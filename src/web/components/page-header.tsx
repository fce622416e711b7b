import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** A link in the breadcrumbs above a page title. */
export type Crumb = { label: string; to: string };

/** Props of a page header. */
export type PageHeaderProps = { title: string; subtitle?: string; crumbs?: Crumb[]; actions?: ReactNode };

/** The title row of a page: breadcrumbs, title, subtitle and action buttons on the right. */
export function PageHeader({ title, subtitle, crumbs, actions }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <Stack gap={4}>
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs separator="›">
          {crumbs.map((c) => (
            <Anchor key={c.to} component={Link} to={c.to} size="sm">
              {c.label}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2}>{title}</Title>
          {subtitle && <Text c="dimmed">{subtitle}</Text>}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}

/** Names the browser tab after the page («Школы — Опора»), so that tabs and history read well. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t("app.name");
  useEffect(() => {
    document.title = `${title} — ${appName}`;
    return () => {
      document.title = appName;
    };
  }, [title, appName]);
}
