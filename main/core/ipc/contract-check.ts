import { events, requests, type EventChannel, type RequestChannel } from '../../../shared/ipc/contract.ts';

/** A handler's answer or an event that does not match its schema in the contract: a bug in main, never the renderer's. */
export class ContractDriftError extends Error {
  readonly channel: string;
  constructor(channel: string, kind: 'output' | 'event', detail: string) {
    super(`contract drift: ${kind} of ${channel} does not match shared/ipc/contract.ts: ${detail}`);
    this.name = 'ContractDriftError';
    this.channel = channel;
  }
}

const issuesOf = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string =>
  error.issues
    .map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ')
    .slice(0, 2000);

/**
 * Parses what main sends against the contract's output and event schemas. Tests, e2e and `start:web` turn it
 * on, so a handler that drifts from the contract fails there; the shipped app leaves it off (the renderer's
 * input is what needs guarding, and parsing every batch twice costs frames).
 */
export type ContractCheck = {
  output(channel: RequestChannel, value: unknown): void;
  event(channel: EventChannel, payload: unknown): void;
};

export const noContractCheck: ContractCheck = { output: () => undefined, event: () => undefined };

/** Throws a ContractDriftError on the first answer or event that does not parse; the dispatcher logs it. */
export const strictContractCheck: ContractCheck = {
  output: (channel, value) => {
    const parsed = requests[channel].output.safeParse(value);
    if (!parsed.success) {
      throw new ContractDriftError(channel, 'output', issuesOf(parsed.error));
    }
  },
  event: (channel, payload) => {
    const parsed = events[channel].safeParse(payload);
    if (!parsed.success) {
      throw new ContractDriftError(channel, 'event', issuesOf(parsed.error));
    }
  },
};
