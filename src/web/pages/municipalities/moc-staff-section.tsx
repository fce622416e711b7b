import { Anchor, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MocStaff, MunicipalityDetail } from "../../../shared/api";
import { MOC_POSITION_LABELS } from "../../../shared/hierarchy";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { useDeleteStaff } from "./municipalities.queries";
import { StaffFormModal } from "./staff-form-modal";

type Editing = { staff: MocStaff | null } | null;

/** The МОЦ of a municipality and its staff, with add, edit and delete when the user may edit staff. */
export function MocStaffSection({ municipality }: { municipality: MunicipalityDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<MocStaff | null>(null);
  const remove = useDeleteStaff(municipality.id);
  const canEdit = municipality.permissions.canEditStaff && municipality.moc !== null;
  const staff = municipality.moc?.staff ?? [];

  return (
    <Paper data-testid="moc-staff">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>{t("staff.title")}</Title>
          <Text size="sm" c="dimmed">
            {municipality.moc?.name ?? t("staff.noMoc")}
          </Text>
        </div>
        {canEdit && (
          <Button variant="light" onClick={() => setEditing({ staff: null })}>
            {t("staff.add")}
          </Button>
        )}
      </Group>
      {staff.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("staff.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("staff.fullName")}</Table.Th>
                <Table.Th>{t("staff.position")}</Table.Th>
                <Table.Th>{t("staff.contacts")}</Table.Th>
                {canEdit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {staff.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.fullName}</Table.Td>
                  <Table.Td>{MOC_POSITION_LABELS[s.position]}</Table.Td>
                  <Table.Td>
                    {s.email && (
                      <Anchor href={`mailto:${s.email}`} size="sm" display="block">
                        {s.email}
                      </Anchor>
                    )}
                    {s.phone && <Text size="sm">{s.phone}</Text>}
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="subtle" onClick={() => setEditing({ staff: s })}>
                          {t("common.edit")}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(s)}>
                          {t("common.delete")}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <StaffFormModal
          municipalityId={municipality.id}
          staff={editing.staff}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t("staff.deleteTitle")}
        text={t("staff.deleteText", { name: deleting?.fullName ?? "" })}
        confirmLabel={t("common.delete")}
        isPending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </Paper>
  );
}
