import { Paper, Select, Stack, Text } from "@mantine/core";
import { createContext, type ReactNode, use, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/page-header";
import { useRegions } from "../pages/overview/overview.queries";
import { useMe } from "./session";

/** Where the chosen region is remembered: for this browser tab, across pages and reloads. */
const STORAGE_KEY = "opora.workRegion";

/**
 * The region a page works in. A user of one region works in their own (`regionId` undefined: the
 * server takes the user's); a user of several regions (the federal operator) chooses one first,
 * and until then `isReady` is false. With a single region to choose from it is chosen at once.
 */
export type WorkRegion = {
  /** What to send as `regionId`: undefined for a user of one region. */
  regionId: number | undefined;
  isReady: boolean;
  /** True for a user who chooses among regions (the picker is in the header). */
  isChoosing: boolean;
  /** The regions to choose from (empty for a user of one region). */
  options: { value: number; label: string }[];
  choose: (regionId: number) => void;
};

const WorkRegionContext = createContext<WorkRegion | null>(null);

function readStored(): number | null {
  try {
    const value = Number(sessionStorage.getItem(STORAGE_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function store(regionId: number): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, String(regionId));
  } catch {
    // A browser that stores nothing still keeps the choice while the app is open.
  }
}

/** Keeps the region chosen by a user of several regions for every page inside the shell. */
export function WorkRegionProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const isChoosing = me.regionId === null;
  const regions = useRegions(isChoosing);
  const [picked, setPicked] = useState<number | null>(() => (isChoosing ? readStored() : null));
  const options = (regions.data ?? []).map((r) => ({ value: r.id, label: r.name }));
  const only = options.length === 1 ? options[0]?.value : undefined;
  const chosen = options.some((o) => o.value === picked) ? (picked ?? undefined) : only;
  const value: WorkRegion = isChoosing
    ? {
        regionId: chosen,
        isReady: chosen !== undefined,
        isChoosing,
        options,
        choose: (regionId) => {
          store(regionId);
          setPicked(regionId);
        },
      }
    : { regionId: undefined, isReady: true, isChoosing, options: [], choose: () => undefined };
  return <WorkRegionContext value={value}>{children}</WorkRegionContext>;
}

/** The region the pages work in (see WorkRegion); only inside WorkRegionProvider. */
export function useWorkRegion(): WorkRegion {
  const region = use(WorkRegionContext);
  if (!region) throw new Error("useWorkRegion() is used outside of WorkRegionProvider");
  return region;
}

/** The header's region picker of a user of several regions; nothing for a user of one region. */
export function WorkRegionPicker() {
  const { t } = useTranslation();
  const region = useWorkRegion();
  if (!region.isChoosing) return null;
  return (
    <Select<number>
      aria-label={t("shell.region")}
      placeholder={t("shell.chooseRegion")}
      data={region.options}
      value={region.regionId ?? null}
      onChange={(value) => value !== null && region.choose(value)}
      allowDeselect={false}
      searchable
      nothingFoundMessage={t("common.nothingFound")}
      w={280}
      size="sm"
      data-testid="shell-region"
    />
  );
}

/**
 * Renders a page that works in one region once the region is known; until a user of several
 * regions has chosen one, a hint to choose it in the header instead of the page's requests.
 */
export function RegionRequired({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const region = useWorkRegion();
  if (region.isReady) return children;
  return (
    <Stack gap="lg">
      <PageHeader title={title} />
      <Paper data-testid="choose-region">
        <Text>{region.options.length === 0 ? t("shell.noRegions") : t("shell.chooseRegionHint")}</Text>
      </Paper>
    </Stack>
  );
}
