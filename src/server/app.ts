import "../shared/zod-setup";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { registerAnswerCache } from "./http/answer-cache";
import { registerAuthHooks } from "./http/auth.hooks";
import type { AppContext } from "./http/context";
import { onFrameworkError, registerErrorHandler } from "./http/errors.hooks";
import { registerWeb } from "./http/web";
import { addressedRoutes } from "./modules/addressed/addressed.routes";
import { analyticsRoutes } from "./modules/analytics/analytics.routes";
import { auditRoutes } from "./modules/audit/audit.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { createCacheVersionSource } from "./modules/cache/cache-versions";
import { causesRoutes } from "./modules/causes/causes.routes";
import { coursesRoutes } from "./modules/courses/courses.routes";
import { decisionsRoutes } from "./modules/decisions/decisions.routes";
import { eventsRoutes } from "./modules/events/events.routes";
import { municipalityRoutes } from "./modules/hierarchy/municipality.routes";
import { schoolRoutes } from "./modules/hierarchy/school.routes";
import { identificationRoutes } from "./modules/identification/identification.routes";
import { importRoutes } from "./modules/import/import.routes";
import { dataCollectionRoutes } from "./modules/indicators/data-collection.routes";
import { jobRoutes } from "./modules/jobs/job.routes";
import { materialsRoutes } from "./modules/materials/materials.routes";
import { mentorCandidatesRoutes } from "./modules/mentoring/mentor-candidates.routes";
import { mentoringRoutes } from "./modules/mentoring/mentoring.routes";
import { monitoringRoutes } from "./modules/monitoring/monitoring.routes";
import { partnersRoutes } from "./modules/partners/partners.routes";
import { plansRoutes } from "./modules/plans/plans.routes";
import { qualityRoutes } from "./modules/quality/quality.routes";
import { reportsRoutes } from "./modules/reports/reports.routes";
import { supportRoutes } from "./modules/support/support.routes";
import { systemRoutes } from "./modules/system/system.routes";
import { teachersRoutes } from "./modules/teachers/teachers.routes";
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
  causesRoutes,
  plansRoutes,
  addressedRoutes,
  teachersRoutes,
  mentoringRoutes,
  mentorCandidatesRoutes,
  supportRoutes,
  coursesRoutes,
  eventsRoutes,
  partnersRoutes,
  materialsRoutes,
  monitoringRoutes,
  qualityRoutes,
  decisionsRoutes,
  reportsRoutes,
];

const ROUTE_TABLES = new WeakMap<FastifyInstance, string[]>();

/**
 * The routes the app registered, as "METHOD /path" (HEAD left out: Fastify adds it to every GET).
 * The access matrix test fails when one of them has no row.
 */
export function registeredRoutes(app: FastifyInstance): readonly string[] {
  return ROUTE_TABLES.get(app) ?? [];
}

/** Cache-Control of every /api answer: data are per user and change; nothing may be stored. */
const API_CACHE_CONTROL = "no-store";

/**
 * Builds the Fastify application over an open database. Does not listen. Answers are compressed
 * (br, else gzip) for clients that accept it; every /api answer carries Cache-Control: no-store.
 * Sessions and the answers of some GET routes are cached per server (see http/answer-cache.ts),
 * under cache versions the database moves on with every write.
 */
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
    frameworkErrors: onFrameworkError,
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
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.url.startsWith("/api/")) reply.header("cache-control", API_CACHE_CONTROL);
    return payload;
  });
  registerAnswerCache(app);
  await app.register(fastifyCompress, { encodings: ["br", "gzip"] });

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
  const versions = await createCacheVersionSource(database);
  app.addHook("onClose", () => versions.close());
  registerAuthHooks(app, ctx, versions);

  for (const routes of ROUTE_MODULES) await routes(app, ctx);
  app.get("/api/openapi.json", { schema: { hide: true }, config: { isPublic: true } }, async () =>
    app.swagger(),
  );
  await registerWeb(app, config);
  return app;
}
