import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Config } from "../platform/config";

/** Cache-Control of the hashed build assets (dist/web/assets/*): a new build gives new names. */
export const IMMUTABLE_ASSET = "public, max-age=31536000, immutable";

/** Cache-Control of everything else the web app serves (index.html first): revalidate every time. */
export const REVALIDATE = "no-cache";

/**
 * Serves the built web app with a fallback to index.html for client-side routes. Hashed assets are
 * cached for a year as immutable, the rest revalidated; the .br and .gz files the build writes beside
 * the assets are sent to clients that accept them; source maps are never served.
 */
export async function registerWeb(app: FastifyInstance, config: Config): Promise<void> {
  const index = path.join(config.webDir, "index.html");
  if (!existsSync(index)) {
    app.get("/", async (_req, reply) =>
      reply.type("text/plain; charset=utf-8").send("Веб-интерфейс не собран: выполните npm run build:web"),
    );
    return;
  }
  const assets = path.join(config.webDir, "assets") + path.sep;
  await app.register(fastifyStatic, {
    root: config.webDir,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    allowedPath: (pathName) => !isSourceMap(pathName),
    setHeaders: (reply, filePath) => {
      reply.header("cache-control", filePath.startsWith(assets) ? IMMUTABLE_ASSET : REVALIDATE);
    },
  });
  app.get("/*", async (request, reply) => {
    const pathName = request.url.split("?")[0] ?? "";
    if (pathName.startsWith("/api/") || pathName.startsWith("/assets/") || isSourceMap(pathName)) {
      return reply
        .code(404)
        .send({ error: "not_found", message: `Нет такого адреса: ${request.url}`, issues: [] });
    }
    return reply.sendFile("index.html");
  });
}

function isSourceMap(pathName: string): boolean {
  return pathName.endsWith(".map");
}
