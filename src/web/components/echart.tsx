import type { ECElementEvent, EChartsCoreOption, EChartsType, init } from "echarts/core";
import { type CSSProperties, useEffect, useLayoutEffect, useRef, useState } from "react";

/** The ECharts core a chart is drawn with, with the chart types and components it uses registered. */
export type EChartsCore = { init: typeof init };

/** Props of a chart: the option to draw, the container's size, the renderer and the chart's event handlers. */
export type EChartProps = {
  echarts: EChartsCore;
  option: EChartsCoreOption;
  style: CSSProperties;
  /** Replace the previous option instead of merging into it. */
  notMerge?: boolean;
  opts?: { renderer?: "canvas" | "svg" };
  /** What a click on a bar or a point does. */
  onEvents?: { click?: (params: ECElementEvent) => void };
};

/** Whether the chart is drawn at its container's current size (a resize not yet applied makes it false). */
function fitsContainer(chart: EChartsType, container: HTMLElement): boolean {
  return chart.getWidth() === container.clientWidth && chart.getHeight() === container.clientHeight;
}

/**
 * An ECharts chart that follows its container's size. Its container carries `data-rendered`: "false" from
 * the moment a new option is set or the container is resized, "true" once ECharts reports `finished` (every
 * animation done) for a drawing at the container's size. Whoever reads the drawing (a screenshot, a test
 * reading pixels) waits for "true" instead of guessing how long drawing takes.
 */
export function EChart({ echarts, option, style, notMerge = false, opts, onEvents }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const renderer = opts?.renderer ?? "canvas";

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    container.dataset.rendered = "false";
    const instance = echarts.init(container, undefined, { renderer });
    instance.on("finished", () => {
      container.dataset.rendered = fitsContainer(instance, container) ? "true" : "false";
    });
    const observer = new ResizeObserver(() => {
      if (fitsContainer(instance, container)) return;
      container.dataset.rendered = "false";
      instance.resize();
    });
    observer.observe(container);
    setChart(instance);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [echarts, renderer]);

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!chart || chart.isDisposed() || !container) return;
    // Before setOption: without animation ECharts draws, and reports `finished`, inside the call.
    container.dataset.rendered = "false";
    chart.setOption(option, { notMerge });
  }, [chart, option, notMerge]);

  const onClick = onEvents?.click;
  useEffect(() => {
    if (!chart || chart.isDisposed() || !onClick) return;
    chart.on("click", onClick);
    return () => {
      if (!chart.isDisposed()) chart.off("click", onClick);
    };
  }, [chart, onClick]);

  return <div ref={containerRef} style={style} />;
}
