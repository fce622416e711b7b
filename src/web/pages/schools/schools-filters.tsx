import { Button, Group, Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LOCALITY_FILTERS, type LocalityFilter, type SchoolListFilter } from "./school-list-filter";

/** Props of the filter bar above the school table. */
export type SchoolsFiltersProps = {
  filter: SchoolListFilter;
  kinds: readonly string[];
  /** Municipalities to choose from; none hides the municipality filter (e.g. on a municipality's page). */
  municipalities: readonly { id: number; name: string }[] | null;
  isFiltered: boolean;
  onChange: (change: Partial<SchoolListFilter>) => void;
  onReset: () => void;
};

/** Search by name or code, municipality, kind and locality filters, and «Сбросить». */
export function SchoolsFilters({
  filter,
  kinds,
  municipalities,
  isFiltered,
  onChange,
  onReset,
}: SchoolsFiltersProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" data-testid="schools-filters">
      <TextInput
        placeholder={t("schools.searchPlaceholder")}
        aria-label={t("schools.search")}
        value={filter.q}
        onChange={(e) => onChange({ q: e.currentTarget.value })}
        w={{ base: "100%", sm: 260 }}
      />
      {municipalities && (
        <Select<number>
          placeholder={t("schools.allMunicipalities")}
          aria-label={t("school.municipality")}
          data={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          value={filter.municipalityId}
          onChange={(municipalityId) => onChange({ municipalityId })}
          nothingFoundMessage={t("common.nothingFound")}
          searchable
          clearable
          w={{ base: "100%", sm: 230 }}
        />
      )}
      <Select
        placeholder={t("schools.allKinds")}
        aria-label={t("school.kind")}
        data={[...kinds]}
        value={filter.kind}
        onChange={(kind) => onChange({ kind })}
        clearable
        w={{ base: "100%", sm: 150 }}
      />
      <Select<LocalityFilter>
        placeholder={t("schools.allLocalities")}
        aria-label={t("school.locality")}
        data={LOCALITY_FILTERS.map((value) => ({ value, label: t(`schools.locality.${value}`) }))}
        value={filter.locality}
        onChange={(locality) => onChange({ locality })}
        clearable
        w={{ base: "100%", sm: 190 }}
      />
      {isFiltered && (
        <Button variant="subtle" onClick={onReset}>
          {t("schools.reset")}
        </Button>
      )}
    </Group>
  );
}
