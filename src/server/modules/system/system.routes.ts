import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { DEMO_SIGN_INS } from "../../../core/demo";
import type { AppContext } from "../../http/context";
import { isDemoInstallation } from "./settings.repo";

/** Health check and the demo sign-ins (only on a demo installation). */
export async function systemRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/health",
    {
      config: { isPublic: true },
      schema: {
        tags: ["system"],
        summary: "Состояние сервиса",
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgresql"]) }) },
      },
    },
    async () => {
      await ctx.db.execute(sql`select 1`);
      return { status: "ok" as const, database: ctx.database.kind };
    },
  );
  r.get(
    "/api/demo/sign-ins",
    {
      config: { isPublic: true },
      schema: {
        tags: ["system"],
        summary: "Демо-учётные записи (только в демо-режиме)",
        response: {
          200: z.object({
            isDemo: z.boolean(),
            signIns: z.array(z.object({ login: z.string(), password: z.string(), description: z.string() })),
          }),
        },
      },
    },
    async () => {
      // Only a server that allows demo accounts, over a database that has the demo region.
      const isDemo = ctx.config.demoEnabled && (await isDemoInstallation(ctx.db));
      return { isDemo, signIns: isDemo ? DEMO_SIGN_INS.map((s) => ({ ...s })) : [] };
    },
  );
}
