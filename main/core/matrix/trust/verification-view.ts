import { VerificationPhase } from 'matrix-js-sdk/lib/crypto-api/index.js';
import type { CancelReason, VerificationPhaseView, VerificationView } from '../../../../shared/model/verification.ts';
import { sasEmojiView } from './sas-emoji.ts';

/**
 * What main knows about one verification at a moment: the SDK request's fields plus our
 * own, copied out so the mapping to a view is a pure function.
 */
export type VerificationSnapshot = {
  phase: VerificationPhase;
  initiatedByMe: boolean;
  otherUserId: string;
  otherDeviceId: string | undefined;
  isSelfVerification: boolean;
  cancellationCode: string | null;
  /** The 7 emoji, once the SDK shows them. */
  emoji: readonly (readonly [string, string])[] | null;
  /** We told the SDK the emoji match and now wait for the other side. */
  confirmed: boolean;
};

const phaseOf = (snapshot: VerificationSnapshot): VerificationPhaseView => {
  switch (snapshot.phase) {
    case VerificationPhase.Unsent:
    case VerificationPhase.Requested:
      return 'requested';
    case VerificationPhase.Ready:
      return 'ready';
    case VerificationPhase.Started:
      if (snapshot.emoji === null) {
        return 'started';
      }
      return snapshot.confirmed ? 'confirmed' : 'showingSas';
    case VerificationPhase.Done:
      return 'done';
    default:
      return 'cancelled';
  }
};

/** The spec's cancel codes (`m.user`, `m.mismatched_sas`, …), as the few reasons a member can act on. */
export const cancelReasonOf = (code: string | null): CancelReason => {
  switch (code) {
    case 'm.user':
      return 'user';
    case 'm.mismatched_sas':
    case 'm.key_mismatch':
    case 'm.mismatched_commitment':
      return 'mismatch';
    case 'm.timeout':
      return 'timeout';
    default:
      return 'other';
  }
};

export const verificationView = (id: string, snapshot: VerificationSnapshot): VerificationView => {
  const phase = phaseOf(snapshot);
  return {
    id,
    phase,
    initiatedByMe: snapshot.initiatedByMe,
    otherUserId: snapshot.otherUserId,
    otherDeviceId: snapshot.otherDeviceId ?? null,
    selfVerification: snapshot.isSelfVerification,
    // Emoji only while they are to be compared: a finished verification has nothing to show.
    emoji: phase === 'showingSas' || phase === 'confirmed' ? (snapshot.emoji ?? []).map(sasEmojiView) : null,
    cancelReason: phase === 'cancelled' ? cancelReasonOf(snapshot.cancellationCode) : null,
  };
};
