import { VerificationPhase } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { describe, expect, it } from 'vitest';
import { SAS_EMOJI_KEYS } from '../../../../shared/model/verification.ts';
import { SAS_EMOJI_COUNT, sasEmojiView } from './sas-emoji.ts';
import { cancelReasonOf, verificationView, type VerificationSnapshot } from './verification-view.ts';

const EMOJI: [string, string][] = [
  ['🐶', 'Dog'],
  ['☁', 'Cloud'],
  ['👍', 'Thumbs up'],
  ['🔑', 'Key'],
  ['🎸', 'Guitar'],
  ['📌', 'Pin'],
  ['🐶', 'Dog'],
];

const snapshot = (overrides: Partial<VerificationSnapshot> = {}): VerificationSnapshot => ({
  phase: VerificationPhase.Requested,
  initiatedByMe: false,
  otherUserId: '@sari:example.org',
  otherDeviceId: 'DEVICE2',
  isSelfVerification: true,
  cancellationCode: null,
  emoji: null,
  confirmed: false,
  ...overrides,
});

describe('verificationView', () => {
  it.each([
    [VerificationPhase.Unsent, 'requested'],
    [VerificationPhase.Requested, 'requested'],
    [VerificationPhase.Ready, 'ready'],
    [VerificationPhase.Started, 'started'],
    [VerificationPhase.Done, 'done'],
    [VerificationPhase.Cancelled, 'cancelled'],
  ] as const)('maps the SDK phase %s to %s', (phase, expected) => {
    expect(verificationView('v1', snapshot({ phase })).phase).toBe(expected);
  });

  it('shows the emoji to compare once the SDK has them, then waits after our confirmation', () => {
    const showing = verificationView('v1', snapshot({ phase: VerificationPhase.Started, emoji: EMOJI }));
    expect(showing.phase).toBe('showingSas');
    expect(showing.emoji?.map((emoji) => emoji.key)).toEqual(['dog', 'cloud', 'thumbsUp', 'key', 'guitar', 'pin', 'dog']);
    expect(verificationView('v1', snapshot({ phase: VerificationPhase.Started, emoji: EMOJI, confirmed: true })).phase).toBe('confirmed');
  });

  it('shows no emoji before or after the comparison', () => {
    expect(verificationView('v1', snapshot({ phase: VerificationPhase.Ready, emoji: EMOJI })).emoji).toBeNull();
    expect(verificationView('v1', snapshot({ phase: VerificationPhase.Done, emoji: EMOJI })).emoji).toBeNull();
  });

  it('carries who is on the other side, and a missing device as null', () => {
    expect(verificationView('v7', snapshot({ otherDeviceId: undefined, isSelfVerification: false, initiatedByMe: true }))).toEqual({
      id: 'v7',
      phase: 'requested',
      initiatedByMe: true,
      otherUserId: '@sari:example.org',
      otherDeviceId: null,
      selfVerification: false,
      emoji: null,
      cancelReason: null,
    });
  });

  it('says why a verification was cancelled', () => {
    const cancelled = verificationView('v1', snapshot({ phase: VerificationPhase.Cancelled, cancellationCode: 'm.mismatched_sas' }));
    expect(cancelled.cancelReason).toBe('mismatch');
    expect(verificationView('v1', snapshot({ phase: VerificationPhase.Ready, cancellationCode: 'm.user' })).cancelReason).toBeNull();
  });
});

describe('cancelReasonOf', () => {
  it.each([
    ['m.user', 'user'],
    ['m.mismatched_sas', 'mismatch'],
    ['m.key_mismatch', 'mismatch'],
    ['m.mismatched_commitment', 'mismatch'],
    ['m.timeout', 'timeout'],
    ['m.unexpected_message', 'other'],
    [null, 'other'],
  ] as const)('%s → %s', (code, reason) => {
    expect(cancelReasonOf(code)).toBe(reason);
  });
});

describe('sasEmojiView', () => {
  it('knows all 64 spec emoji and has a translation key for each', () => {
    expect(SAS_EMOJI_COUNT).toBe(64);
    expect(SAS_EMOJI_KEYS).toHaveLength(64);
    expect(new Set(SAS_EMOJI_KEYS).size).toBe(64);
  });

  it('matches with or without the emoji presentation selector, and gives the spec symbol and name', () => {
    expect(sasEmojiView(['☁', 'Cloud'])).toEqual({ symbol: '☁️', name: 'Cloud', key: 'cloud' });
    expect(sasEmojiView(['☁️', 'Cloud'])).toEqual({ symbol: '☁️', name: 'Cloud', key: 'cloud' });
  });

  it('falls back to the name when the symbol differs, and keeps an unknown emoji as the SDK gave it', () => {
    expect(sasEmojiView(['🕶', 'Light bulb']).key).toBe('lightBulb');
    expect(sasEmojiView(['🦖', 'Dinosaur'])).toEqual({ symbol: '🦖', name: 'Dinosaur', key: null });
  });
});
