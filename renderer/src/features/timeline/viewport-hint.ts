export type Viewport = { subscription: string; firstItemId: string; lastItemId: string };

export type ViewportHint = {
  /** What is on screen now; sent at once when quiet, else folded into the next send. */
  report: (viewport: Viewport) => void;
  /** Forgets a pending send, e.g. when the subscription it names is gone. */
  cancel: () => void;
};

export type Timers = {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

const sameViewport = (a: Viewport | null, b: Viewport): boolean =>
  a !== null && a.subscription === b.subscription && a.firstItemId === b.firstItemId && a.lastItemId === b.lastItemId;

/**
 * Tells main what the member sees, at most once per `intervalMs`: a scroll fires range
 * changes every frame, and main only needs to know roughly where the member is to drop
 * what is far away. The last position of a scroll is always sent (trailing edge), so main
 * learns where the member stopped.
 */
export const createViewportHint = (
  send: (viewport: Viewport) => void,
  intervalMs: number,
  timers: Timers = {
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => {
      clearTimeout(handle as number);
    },
  },
): ViewportHint => {
  let lastSent: Viewport | null = null;
  let pending: Viewport | null = null;
  let timer: unknown = null;

  const flush = (viewport: Viewport): void => {
    if (!sameViewport(lastSent, viewport)) {
      lastSent = viewport;
      send(viewport);
    }
  };

  const startQuietPeriod = (): void => {
    timer = timers.setTimeout(() => {
      timer = null;
      if (pending !== null) {
        const next = pending;
        pending = null;
        flush(next);
        startQuietPeriod();
      }
    }, intervalMs);
  };

  return {
    report: (viewport) => {
      if (timer === null) {
        flush(viewport);
        startQuietPeriod();
      } else {
        pending = viewport;
      }
    },
    cancel: () => {
      if (timer !== null) {
        timers.clearTimeout(timer);
        timer = null;
      }
      pending = null;
      lastSent = null;
    },
  };
};
