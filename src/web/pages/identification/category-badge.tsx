import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RunResult } from "../../../core/identification/api.schema";
import type { TranslationKey } from "../../i18n/keys";

type Category = RunResult["category"];

/** i18n keys of the school categories. */
export const CATEGORY_KEYS: Record<Category, TranslationKey> = {
  shnro: "identification.catShnro",
  shfnsu: "identification.catShfnsu",
  both: "identification.catBoth",
  none: "identification.catNone",
  insufficient_data: "identification.catInsufficient",
};

const COLORS: Record<Category, string> = {
  shnro: "red",
  shfnsu: "orange",
  both: "grape",
  none: "gray",
  insufficient_data: "yellow",
};

/** A school's category (ШНРО, ШФНСУ, both, none, not enough data) as a coloured badge. */
export function CategoryBadge({ category }: { category: Category }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[category]}
      variant={category === "none" ? "outline" : "light"}
      data-category={category}
      styles={{ root: { flexShrink: 0 }, label: { overflow: "visible" } }}
    >
      {t(CATEGORY_KEYS[category])}
    </Badge>
  );
}
