import { Badge, Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "../../../shared/api";
import { ROLE_LABELS } from "../../../shared/roles";

/** Names of places, to show a user's municipality or school instead of its id. */
export type PlaceNames = { municipalities: Map<number, string>; schools: Map<number, string> };

/** Props of the user table. */
export type UsersTableProps = {
  users: readonly User[];
  names: PlaceNames;
  currentUserId: number;
  onToggleActive: (user: User) => void;
};

function placeOf(user: User, names: PlaceNames, assignedLabel: (count: number) => string): string {
  if (user.schoolId !== null) return names.schools.get(user.schoolId) ?? `#${user.schoolId}`;
  if (user.municipalityId !== null)
    return names.municipalities.get(user.municipalityId) ?? `#${user.municipalityId}`;
  if (user.assignedSchoolIds.length > 0) return assignedLabel(user.assignedSchoolIds.length);
  return "";
}

/** Users with role, place and status; deactivate or activate anyone but oneself. */
export function UsersTable({ users, names, currentUserId, onToggleActive }: UsersTableProps) {
  const { t } = useTranslation();
  const assignedLabel = (count: number) => t("users.assignedCount", { count });
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("users.fullName")}</Table.Th>
            <Table.Th>{t("users.login")}</Table.Th>
            <Table.Th>{t("users.role")}</Table.Th>
            <Table.Th>{t("users.place")}</Table.Th>
            <Table.Th>{t("users.status")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} c={u.isActive ? undefined : "dimmed"}>
              <Table.Td>{u.fullName}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {u.login}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{ROLE_LABELS[u.role]}</Table.Td>
              <Table.Td>{placeOf(u, names, assignedLabel)}</Table.Td>
              <Table.Td>
                <Badge color={u.isActive ? "teal" : "gray"} variant="light">
                  {u.isActive ? t("users.active") : t("users.inactive")}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                {u.id !== currentUserId && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color={u.isActive ? "red" : "indigo"}
                    onClick={() => onToggleActive(u)}
                  >
                    {u.isActive ? t("users.deactivate") : t("users.activate")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
