import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../http/context";
import { indicatorRoutes } from "./indicator.routes";

/** Every route of data collection (catalogue, values, forms, export), registered with one line in app.ts. */
export async function dataCollectionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const routes of [indicatorRoutes]) await routes(app, ctx);
}
