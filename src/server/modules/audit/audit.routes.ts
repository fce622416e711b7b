import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditEntrySchema, errorSchema } from "../../../shared/api";
import { type AppContext, requireActor } from "../../http/context";
import { listAudit } from "./audit.service";

/** The audit trail, for region admins. */
export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Журнал действий",
        querystring: z.object({
          entity: z.string().max(64).optional(),
          beforeId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(auditEntrySchema), 401: errorSchema, 403: errorSchema },
      },
    },
    async (request) => {
      const rows = await listAudit({ db: ctx.db, actor: requireActor(request), query: request.query });
      return rows.map((e) => ({ ...e, at: e.at.toISOString() }));
    },
  );
}
