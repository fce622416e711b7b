import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "../shared/zod-setup";
import "./i18n/i18n";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProviders } from "./app/providers";
import { AppRouter } from "./app/router";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <AppProviders>
        <AppRouter />
      </AppProviders>
    </StrictMode>,
  );
}
