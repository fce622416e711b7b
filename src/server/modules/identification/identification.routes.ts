import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../http/context";
import { ruleSetRoutes } from "./rule-set.routes";
import { runRoutes } from "./run.routes";

/** Every identification route: rule sets, preview, runs, results, exports, a school's history. */
export async function identificationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await ruleSetRoutes(app, ctx);
  await runRoutes(app, ctx);
}
