import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../http/context";
import { specialistRequestRoutes } from "./specialist-request.routes";
import { supportLogRoutes } from "./support-log.routes";

/** Support (issue 12, points 1–2): the МОЦ log and the specialists' requests. */
export async function supportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await supportLogRoutes(app, ctx);
  await specialistRequestRoutes(app, ctx);
}
