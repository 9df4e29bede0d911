/**
 * Caps on what an export may make us read. An archive is attacker-controlled (anyone can
 * send a member a "WhatsApp export"), so every cap is checked against the headers when the
 * archive is opened and again against the bytes while inflating, because headers can lie.
 */
export type ExportLimits = {
  /** All entries together, uncompressed. */
  readonly maxTotalBytes: number;
  /** One media entry, uncompressed. */
  readonly maxMediaBytes: number;
  /** The chat text, in a zip or as a plain .txt. */
  readonly maxChatTextBytes: number;
  /** Uncompressed ÷ compressed, for entries past `ratioCheckFromBytes`. */
  readonly maxCompressionRatio: number;
  /** Small entries may compress well (a text of repeated lines); only big ones can be bombs. */
  readonly ratioCheckFromBytes: number;
  readonly maxEntries: number;
};

const MIB = 1024 * 1024;

export const DEFAULT_EXPORT_LIMITS: ExportLimits = {
  maxTotalBytes: 2048 * MIB,
  maxMediaBytes: 200 * MIB,
  maxChatTextBytes: 64 * MIB,
  maxCompressionRatio: 100,
  ratioCheckFromBytes: 1 * MIB,
  // WhatsApp exports at most about 10,000 messages with media (reference §1).
  maxEntries: 100_000,
};

export const withDefaults = (limits: Partial<ExportLimits> = {}): ExportLimits => ({ ...DEFAULT_EXPORT_LIMITS, ...limits });
