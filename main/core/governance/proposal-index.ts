/**
 * The proposal index: one `coop.rembuk.proposal_status` state event per proposal (state key
 * = the poll start's event id), so every member finds every proposal from room state alone,
 * however old, without paging the timeline — and in an encrypted room, where the server
 * cannot filter poll starts by type. It is an index and a hint, never part of the tally:
 * the tally trusts only the proposal, the state at it and the related events.
 */
import { z } from 'zod';

export const PROPOSAL_STATUS_EVENT = 'coop.rembuk.proposal_status';

export const proposalStatus = z.object({
  v: z.literal(1),
  status: z.enum(['open', 'closed']),
  closes_at: z.number().int().positive(),
  /** The end event that closed it. */
  end_event_id: z.string().startsWith('$').optional(),
});
export type ProposalStatus = z.infer<typeof proposalStatus>;

export const parseProposalStatus = (content: unknown): ProposalStatus | null => {
  const parsed = proposalStatus.safeParse(content);
  return parsed.success ? parsed.data : null;
};
