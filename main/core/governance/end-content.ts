import { POLL_END, reference, TALLY_BLOCK, TEXT_KEY, type PollReference, type TextBlock } from './protocol.ts';
import type { TallyResult } from './tally-types.ts';

// Apart from protocol.ts because the tally's types are built on the protocol's: here both
// can be named without the two files importing each other.

/** The content of a proposal's end, `org.matrix.msc3381.poll.end`, with the closer's tally. */
export type PollEndContent = TextBlock & {
  'm.relates_to': PollReference;
  'org.matrix.msc3381.poll.end': Record<string, never>;
  'coop.rembuk.tally': TallyResult & { v: 1 };
};

/** The tally block is the closer's claim for generic clients and audits; Rembuk clients recompute from the votes. */
export const endContent = (startId: string, result: TallyResult, textSummary: string): PollEndContent => ({
  'm.relates_to': reference(startId),
  [TEXT_KEY]: textSummary,
  [POLL_END]: {},
  // A plain JSON copy: the event carries data, never a live object of the engine.
  [TALLY_BLOCK]: { v: 1, ...(JSON.parse(JSON.stringify(result)) as TallyResult) },
});
