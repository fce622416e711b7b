import { MultiSelect, type MultiSelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAllSchools } from "../pages/schools/schools.queries";

/**
 * A picker of schools among those the user may see (the server scopes the list): searched by name,
 * code or municipality. `known` are schools already chosen that the list may not hold.
 */
export function SchoolPicker({
  value,
  onChange,
  known = [],
  ...props
}: Omit<MultiSelectProps, "data" | "value" | "onChange"> & {
  value: number[];
  onChange: (ids: number[]) => void;
  known?: readonly { id: number; code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const schools = useAllSchools();
  const options = new Map<string, string>();
  for (const s of known) options.set(String(s.id), `${s.name} (${s.code})`);
  for (const s of schools.data?.items ?? [])
    options.set(String(s.id), `${s.shortName} (${s.code}), ${s.municipalityName}`);
  return (
    <MultiSelect
      searchable
      clearable
      hidePickedOptions
      limit={50}
      nothingFoundMessage={t("common.nothingFound")}
      placeholder={t("schoolPicker.placeholder")}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value.map(String)}
      onChange={(ids) => onChange(ids.map(Number))}
      {...props}
    />
  );
}
