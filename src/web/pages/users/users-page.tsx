import { Button, Group, Paper, Select, Stack, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../shared/api";
import { ROLE_LABELS, ROLES, type Role } from "../../../shared/roles";
import { useMe } from "../../app/session";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { PageHeader } from "../../components/page-header";
import { QueryView } from "../../components/query-view";
import { useMunicipalities } from "../municipalities/municipalities.queries";
import { useAllSchools } from "../schools/schools.queries";
import { UserCreateModal } from "./user-create-modal";
import { useUpdateUser, useUsers } from "./users.queries";
import { type PlaceNames, UsersTable } from "./users-table";

function matches(user: User, text: string, role: Role | null): boolean {
  if (role && user.role !== role) return false;
  const needle = text.trim().toLocaleLowerCase("ru");
  return !needle || `${user.fullName} ${user.login}`.toLocaleLowerCase("ru").includes(needle);
}

/** «Пользователи» (region admin): search, filter by role, create, deactivate and activate. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUsers();
  const municipalities = useMunicipalities();
  const schools = useAllSchools();
  const update = useUpdateUser();
  const [isCreating, setCreating] = useState(false);
  const [toggling, setToggling] = useState<User | null>(null);
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | null>(null);
  const names = useMemo<PlaceNames>(
    () => ({
      municipalities: new Map((municipalities.data ?? []).map((m) => [m.id, m.name])),
      schools: new Map((schools.data?.items ?? []).map((s) => [s.id, s.shortName])),
    }),
    [municipalities.data, schools.data],
  );
  const onConfirmToggle = () => {
    if (!toggling) return;
    update.mutate(
      { id: toggling.id, input: { isActive: !toggling.isActive } },
      { onSettled: () => setToggling(null) },
    );
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t("nav.users")}
        actions={<Button onClick={() => setCreating(true)}>{t("users.add")}</Button>}
      />
      <Paper>
        <Group gap="sm" mb="md">
          <TextInput
            placeholder={t("users.searchPlaceholder")}
            aria-label={t("users.search")}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={{ base: "100%", sm: 320 }}
          />
          <Select<Role>
            placeholder={t("users.allRoles")}
            aria-label={t("users.role")}
            data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            value={role}
            onChange={setRole}
            clearable
            w={{ base: "100%", sm: 260 }}
          />
        </Group>
        <QueryView query={users}>
          {(list) => (
            <UsersTable
              users={list.filter((u) => matches(u, search, role))}
              names={names}
              currentUserId={me.id}
              onToggleActive={setToggling}
            />
          )}
        </QueryView>
      </Paper>
      {isCreating && <UserCreateModal onClose={() => setCreating(false)} />}
      <ConfirmDialog
        opened={toggling !== null}
        title={toggling?.isActive ? t("users.deactivateTitle") : t("users.activateTitle")}
        text={t(toggling?.isActive ? "users.deactivateText" : "users.activateText", {
          name: toggling?.fullName ?? "",
        })}
        confirmLabel={toggling?.isActive ? t("users.deactivate") : t("users.activate")}
        isPending={update.isPending}
        onClose={() => setToggling(null)}
        onConfirm={onConfirmToggle}
      />
    </Stack>
  );
}
