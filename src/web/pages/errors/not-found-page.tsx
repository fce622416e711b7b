import { useTranslation } from "react-i18next";
import { MessagePage } from "../../components/message-page";

/** The page for an address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return <MessagePage title={t("errors.pageNotFoundTitle")} text={t("errors.pageNotFoundText")} />;
}
