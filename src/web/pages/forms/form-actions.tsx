import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SchoolForm } from "../../../shared/data-collection";

/** Props of the form's buttons. */
export type FormActionsProps = {
  form: SchoolForm;
  isDirty: boolean;
  isSaving: boolean;
  isMoving: boolean;
  onSave: () => void;
  onAction: (action: "submit" | "approve" | "accept") => void;
  onReturn: () => void;
};

/** Save and the transitions the user may make now; the rest are hidden (the server checks again). */
export function FormActions({
  form,
  isDirty,
  isSaving,
  isMoving,
  onSave,
  onAction,
  onReturn,
}: FormActionsProps) {
  const { t } = useTranslation();
  const p = form.permissions;
  return (
    <Group gap="sm">
      {p.canEdit && (
        <Button
          onClick={onSave}
          loading={isSaving}
          disabled={!isDirty}
          variant={isDirty ? "filled" : "default"}
        >
          {t("dataForm.save")}
        </Button>
      )}
      {p.canSubmit && (
        <Button color="blue" onClick={() => onAction("submit")} loading={isMoving} disabled={isDirty}>
          {t("dataForm.submit")}
        </Button>
      )}
      {p.canApprove && (
        <Button color="teal" onClick={() => onAction("approve")} loading={isMoving}>
          {t("dataForm.approve")}
        </Button>
      )}
      {p.canAccept && (
        <Button color="green" onClick={() => onAction("accept")} loading={isMoving}>
          {t("dataForm.accept")}
        </Button>
      )}
      {p.canReturn && (
        <Button color="orange" variant="light" onClick={onReturn}>
          {t("dataForm.return")}
        </Button>
      )}
    </Group>
  );
}
