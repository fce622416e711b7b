/** Samples the process's resident set size while work runs, and reports the peak in MiB. */
export function trackPeakRss(intervalMs = 50): { stop: () => number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak / (1024 * 1024);
    },
  };
}

/**
 * Times an async stage: wall-clock milliseconds, and the CPU seconds of this process (user + system).
 * On PGlite the database runs in this process, so the CPU figure is the whole work and barely moves
 * when other programs load the machine; with a server it is the client's share only.
 */
export async function timed<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; cpuSeconds: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - start, cpuSeconds: (used.user + used.system) / 1e6 };
}
