import "../shared/zod-setup";
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { registerAuthHooks } from "./http/auth.hooks";
import type { AppContext } from "./http/context";
import { registerErrorHandler } from "./http/errors.hooks";
import { analyticsRoutes } from "./modules/analytics/analytics.routes";
import { auditRoutes } from "./modules/audit/audit.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { municipalityRoutes } from "./modules/hierarchy/municipality.routes";
import { schoolRoutes } from "./modules/hierarchy/school.routes";
import { identificationRoutes } from "./modules/identification/identification.routes";
import { importRoutes } from "./modules/import/import.routes";
import { dataCollectionRoutes } from "./modules/indicators/data-collection.routes";
import { jobRoutes } from "./modules/jobs/job.routes";
import { plansRoutes } from "./modules/plans/plans.routes";
import { systemRoutes } from "./modules/system/system.routes";
import { userRoutes } from "./modules/users/user.routes";
import type { Config } from "./platform/config";
import type { Database } from "./platform/db";

/** Route modules, each a function of the app and the context. Later features add theirs here. */
const ROUTE_MODULES = [
  systemRoutes,
  authRoutes,
  municipalityRoutes,
  schoolRoutes,
  userRoutes,
  auditRoutes,
  dataCollectionRoutes,
  identificationRoutes,
  analyticsRoutes,
  importRoutes,
  jobRoutes,
  plansRoutes,
];

const ROUTE_TABLES = new WeakMap<FastifyInstance, string[]>();

/**
 * The routes the app registered, as "METHOD /path" (HEAD left out: Fastify adds it to every GET).
 * The access matrix test fails when one of them has no row.
 */
export function registeredRoutes(app: FastifyInstance): readonly string[] {
  return ROUTE_TABLES.get(app) ?? [];
}

/** Builds the Fastify application over an open database. Does not listen. */
export async function buildApp({
  database,
  config,
  logger = false,
}: {
  database: Database;
  config: Config;
  logger?: boolean;
}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    trustProxy: false,
    bodyLimit: 2 * 1024 * 1024,
  });
  const ctx: AppContext = { db: database.db, database, config };
  const routeTable: string[] = [];
  ROUTE_TABLES.set(app, routeTable);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      if (method !== "HEAD") routeTable.push(`${method} ${route.url}`);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "upgrade-insecure-requests": config.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 512 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "Опора API", description: "API информационной системы «Опора»", version: "0.1.0" },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "opora_session" } },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerAuthHooks(app, ctx);

  for (const routes of ROUTE_MODULES) await routes(app, ctx);
  app.get("/api/openapi.json", { schema: { hide: true }, config: { isPublic: true } }, async () =>
    app.swagger(),
  );
  await registerWeb(app, config);
  return app;
}

/** Serves the built web app with a fallback to index.html for client-side routes. */
async function registerWeb(app: FastifyInstance, config: Config): Promise<void> {
  const index = path.join(config.webDir, "index.html");
  if (!existsSync(index)) {
    app.get("/", async (_req, reply) =>
      reply.type("text/plain; charset=utf-8").send("Веб-интерфейс не собран: выполните npm run build:web"),
    );
    return;
  }
  await app.register(fastifyStatic, { root: config.webDir, wildcard: false });
  app.get("/*", async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      return reply
        .code(404)
        .send({ error: "not_found", message: `Нет такого адреса: ${request.url}`, issues: [] });
    }
    return reply.sendFile("index.html");
  });
}
