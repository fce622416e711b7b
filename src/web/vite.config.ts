import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** Vite build of the web app: sources in src/web, output in dist/web (served by the API server). */
export default defineConfig({
  root,
  plugins: [react()],
  // ECharts (about 540 kB minified) lives in the lazily loaded overview chunk; nothing else comes close.
  build: { outDir, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
  preview: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
