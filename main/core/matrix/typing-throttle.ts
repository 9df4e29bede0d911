/**
 * The typing notices this member sends: the renderer reports every keystroke burst, the
 * server hears `typing: true` at most every few seconds (each with a timeout long enough to
 * cover the gap), and `false` once they stop, send, or pause.
 */

/** At most one `typing: true` per room this often. */
export const TYPING_REPEAT_MS = 4_000;
/** How long the server shows us typing after a `true` if nothing follows. */
export const TYPING_TIMEOUT_MS = 30_000;
/** A pause this long without a keystroke counts as stopping. */
export const TYPING_PAUSE_MS = 6_000;

export type TypingSend = (roomId: string, typing: boolean, timeoutMs: number) => void;

export type TypingTimers = {
  now(): number;
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
};

export const realTimers: TypingTimers = {
  now: () => Date.now(),
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export class TypingThrottle {
  private readonly send: TypingSend;
  private readonly timers: TypingTimers;
  private readonly rooms = new Map<string, { sentAt: number; pause: unknown }>();

  constructor(send: TypingSend, timers: TypingTimers = realTimers) {
    this.send = send;
    this.timers = timers;
  }

  typing(roomId: string, typing: boolean): void {
    if (!typing) {
      this.stop(roomId);
      return;
    }
    const now = this.timers.now();
    const state = this.rooms.get(roomId);
    if (state !== undefined) {
      this.timers.clear(state.pause);
    }
    const sentAt = state === undefined || now - state.sentAt >= TYPING_REPEAT_MS ? now : state.sentAt;
    if (sentAt === now) {
      this.send(roomId, true, TYPING_TIMEOUT_MS);
    }
    this.rooms.set(roomId, {
      sentAt,
      pause: this.timers.set(() => {
        this.stop(roomId);
      }, TYPING_PAUSE_MS),
    });
  }

  /** Stopped typing (or sent the message): `false` goes out if the server thinks we type. */
  stop(roomId: string): void {
    const state = this.rooms.get(roomId);
    if (state === undefined) {
      return;
    }
    this.timers.clear(state.pause);
    this.rooms.delete(roomId);
    this.send(roomId, false, 0);
  }

  /** Signing out: pending pause timers go, nothing more is sent. */
  dispose(): void {
    for (const state of this.rooms.values()) {
      this.timers.clear(state.pause);
    }
    this.rooms.clear();
  }
}
