import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../http/context";
import { catalogueRoutes } from "./catalogue.routes";
import { measureRoutes } from "./measure.routes";
import { registryRoutes } from "./registry.routes";
import { schoolCausesRoutes } from "./school-causes.routes";

/**
 * Diagnosis of causes (issue 11): the region's factors, workbook and measure library; a school's
 * answers, examination, risk profile and confirmed causes; the registry of causes with its documents.
 */
export async function causesRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await catalogueRoutes(app, ctx);
  await measureRoutes(app, ctx);
  await schoolCausesRoutes(app, ctx);
  await registryRoutes(app, ctx);
}
