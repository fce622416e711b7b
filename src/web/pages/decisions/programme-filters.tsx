import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { schoolYearLabel } from "../causes/causes-year";

/** How many programme years around the shown one the picker offers. */
const OFFERED_YEARS = 4;

/** The programme year picker («2025/26»), around the year shown. */
export function ProgrammeYearSelect({
  shown,
  onChange,
  testId,
}: {
  shown: number | undefined;
  onChange: (year: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (shown === undefined) return null;
  const years = Array.from({ length: OFFERED_YEARS }, (_, k) => shown + 1 - k);
  return (
    <Select
      aria-label={t("decisions.year")}
      data-testid={testId}
      w={130}
      allowDeselect={false}
      data={years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }))}
      value={String(shown)}
      onChange={(value) => value && onChange(Number(value))}
    />
  );
}

/** The municipality picker, when the user sees more than one. */
export function MunicipalitySelect({
  options,
  value,
  onChange,
  testId,
}: {
  options: { id: number; name: string }[];
  value: number | null;
  onChange: (id: number | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (options.length <= 1) return null;
  return (
    <Select
      w={320}
      label={t("decisions.municipality")}
      data-testid={testId}
      data={[
        { value: "", label: t("decisions.allMunicipalities") },
        ...options.map((m) => ({ value: String(m.id), label: m.name })),
      ]}
      value={value === null ? "" : String(value)}
      onChange={(picked) => onChange(picked ? Number(picked) : null)}
      allowDeselect={false}
      searchable
    />
  );
}
