/** Receives the duration of each stage of an import (the benchmark prints them). */
export type StageListener = (stage: string, ms: number) => void;

/** Times consecutive stages: `lap(name)` reports the time since the previous lap (or the start). */
export function stageClock(listener: StageListener | undefined): { lap: (stage: string) => void } {
  let last = performance.now();
  return {
    lap(stage) {
      const now = performance.now();
      listener?.(stage, now - last);
      last = now;
    },
  };
}
