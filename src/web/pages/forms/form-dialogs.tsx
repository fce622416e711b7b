import { Alert, Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** Props of a dialog that asks for a text (a return message, an unlock reason). */
export type TextDialogProps = {
  title: string;
  label: string;
  confirmLabel: string;
  error?: string | null;
  isPending: boolean;
  onConfirm: (text: string) => void;
  onClose: () => void;
};

/** Asks for a required text before an action; the server checks it too. */
export function TextDialog({
  title,
  label,
  confirmLabel,
  error,
  isPending,
  onConfirm,
  onClose,
}: TextDialogProps) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <Stack>
        {error && (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        )}
        <Textarea
          label={label}
          withAsterisk
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={isPending} onClick={() => onConfirm(text)}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
