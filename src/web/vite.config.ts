import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.plugin";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../../dist/web", import.meta.url));

/**
 * Vite build of the web app: sources in src/web, output in dist/web (served by the API server), with
 * .br and .gz copies of the assets and no source maps (the production build keeps its sources closed).
 */
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  // ECharts (about 540 kB minified) lives in the lazily loaded overview chunk; nothing else comes close.
  build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
  preview: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
