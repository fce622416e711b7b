import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Badges «сельская» and «малокомплектная» of a school (nothing for an urban school). */
export function SchoolBadges({ isRural, isSmall }: { isRural: boolean; isSmall: boolean }) {
  const { t } = useTranslation();
  if (!isRural && !isSmall) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {isRural && (
        <Badge color="teal" variant="light" size="sm">
          {t("school.rural")}
        </Badge>
      )}
      {isSmall && (
        <Badge color="orange" variant="light" size="sm">
          {t("school.small")}
        </Badge>
      )}
    </Group>
  );
}
