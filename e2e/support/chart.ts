import type { Locator, Page } from "playwright-core";
import { STEP_TIMEOUT } from "./wait";

/**
 * Whether a chart container (the element with `data-rendered`, see src/web/components/echart.tsx) shows a
 * finished drawing at its current size: ECharts reported every animation done, and the drawing surface is as
 * large as the container (a resize the chart has not applied yet makes it not settled). Runs in the page.
 */
function isSettled(container: Node | null): boolean {
  if (!(container instanceof HTMLElement) || container.dataset.rendered !== "true") return false;
  const surface = container.querySelector("canvas, svg");
  if (!surface) return false;
  const box = surface.getBoundingClientRect();
  return Math.round(box.width) === container.clientWidth && Math.round(box.height) === container.clientHeight;
}

/** Waits until the chart inside `scope` has finished drawing at its current size. */
export async function waitForChart(scope: Locator): Promise<void> {
  const container = scope.locator("[data-rendered]").first();
  await container.waitFor();
  await scope.page().waitForFunction(isSettled, await container.elementHandle(), {
    polling: 100,
    timeout: STEP_TIMEOUT,
  });
}

/** Whether a chart container is hidden (in a tab not shown, a closed panel): it is not drawn, nothing to wait for. */
function isHidden(container: Node | null): boolean {
  return container instanceof HTMLElement && container.getClientRects().length === 0;
}

/** Waits until every chart shown on the page has finished drawing at its current size (hidden ones are skipped). */
export async function waitForAllCharts(page: Page): Promise<void> {
  for (const container of await page.locator("[data-rendered]").elementHandles()) {
    if (await container.evaluate(isHidden)) continue;
    await page.waitForFunction(isSettled, container, { polling: 100, timeout: STEP_TIMEOUT });
  }
}
