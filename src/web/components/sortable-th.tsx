import { Table, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";

/** Sort state of a table: the column key and the direction. */
export type SortState<K extends string> = { key: K; isDescending: boolean };

/** The next sort state after a click on column `key`: same column flips, a new one sorts ascending. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  return current.key === key ? { key, isDescending: !current.isDescending } : { key, isDescending: false };
}

/** Props of a sortable table header cell. */
export type SortableThProps<K extends string> = {
  sortKey: K;
  sort: SortState<K>;
  onSort: (key: K) => void;
  align?: "left" | "right";
  children: ReactNode;
};

/** A header cell that sorts its table on click and shows the direction with an arrow. */
export function SortableTh<K extends string>({
  sortKey,
  sort,
  onSort,
  align = "left",
  children,
}: SortableThProps<K>) {
  const isActive = sort.key === sortKey;
  const arrow = isActive ? (sort.isDescending ? " ↓" : " ↑") : "";
  return (
    <Table.Th
      ta={align}
      aria-sort={isActive ? (sort.isDescending ? "descending" : "ascending") : "none"}
      style={{ whiteSpace: "nowrap" }}
    >
      <UnstyledButton onClick={() => onSort(sortKey)} fw={600} fz="sm">
        {children}
        {arrow}
      </UnstyledButton>
    </Table.Th>
  );
}
