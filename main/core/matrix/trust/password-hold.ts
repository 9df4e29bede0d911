/**
 * How long the sign-in password stays in memory for the first device's cross-signing
 * setup, which needs it for user-interactive auth once the first sync is in. Long enough
 * for a slow first sync; past it, the member is asked for the password instead.
 */
export const PASSWORD_HOLD_MS = 2 * 60_000;

export type Timers = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A held password must never keep the process alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * The account password, in memory only and only briefly: never written to disk, never
 * sent to the renderer. Cleared when used up, when the time is over, or at sign-out.
 */
export class PasswordHold {
  private password: string | null = null;
  private timer: unknown = null;
  private readonly timers: Timers;

  constructor(timers: Timers = realTimers) {
    this.timers = timers;
  }

  hold(password: string, ms = PASSWORD_HOLD_MS): void {
    this.clear();
    this.password = password;
    this.timer = this.timers.setTimeout(() => {
      this.password = null;
      this.timer = null;
    }, ms);
  }

  peek(): string | null {
    return this.password;
  }

  clear(): void {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    this.password = null;
  }
}
