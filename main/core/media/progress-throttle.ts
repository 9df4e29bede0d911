/** Progress reports at most this often per transfer: a 2 GiB upload comes in 32,768 pieces. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Passes on the first report, the last (loaded = total) and at most one every
 * PROGRESS_INTERVAL_MS in between, so the bridge carries a progress bar's worth, not a flood.
 */
export const throttleProgress = (report: (loaded: number, total: number) => void, now: () => number = Date.now): ((loaded: number, total: number) => void) => {
  let last = Number.NEGATIVE_INFINITY;
  return (loaded, total) => {
    const time = now();
    if ((total > 0 && loaded >= total) || time - last >= PROGRESS_INTERVAL_MS) {
      last = time;
      report(loaded, total);
    }
  };
};
