import { z } from 'zod';

/**
 * Every way a request can fail, as a code the renderer translates. Main never sends
 * prose: the member reads the message in their own language.
 */
export const errorCode = z.enum([
  // the bridge itself
  'unknown_channel',
  'invalid_request',
  'payload_too_large',
  'not_ready',
  // sign-in
  'invalid_homeserver_url',
  'homeserver_unreachable',
  'not_a_homeserver',
  'wrong_password',
  'user_deactivated',
  'rate_limited',
  'already_signed_in',
  'not_signed_in',
  // rooms and messages
  'room_not_found',
  'user_not_found',
  'invalid_user_id',
  'forbidden',
  'message_not_found',
  'network',
  // trust and recovery
  'encryption_unavailable',
  'password_required',
  'recovery_key_invalid',
  'recovery_key_wrong',
  'recovery_unavailable',
  'security_busy',
  'verification_not_found',
  'verification_failed',
  // the Co-op tab
  'coop_not_found',
  'proposal_not_found',
  'proposal_closed',
  'proposal_still_open',
  'not_eligible',
  'invalid_answer',
  'invalid_charter',
  'closing_time_invalid',
  // media
  'file_too_large',
  'upload_failed',
  'download_failed',
  'media_unsupported',
  // importing a WhatsApp export: one code per refusal of the reader, then the import's own
  'export_unreadable',
  'export_not_an_export',
  'export_corrupt_zip',
  'export_no_chat_file',
  'export_several_chat_files',
  'export_unsafe_entry_name',
  'export_symlink_entry',
  'export_encrypted_entry',
  'export_nested_zip',
  'export_duplicate_entry',
  'export_too_many_entries',
  'export_total_too_large',
  'export_entry_too_large',
  'export_ratio_too_high',
  'export_unsupported_compression',
  'export_unsupported_calendar',
  'export_entry_not_found',
  'import_not_found',
  'import_busy',
  'import_changed',
  'invalid_time_zone',
  'invalid_link',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCode>;

export const ipcError = z.object({
  code: errorCode,
  /** Technical detail for logs and bug reports; never shown as the main message. */
  detail: z.string().max(2000).optional(),
});
export type IpcError = z.infer<typeof ipcError>;

export const ipcResult = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: ipcError })]);
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown in main by handlers; the dispatcher turns it into `{ok:false, error}`. */
export class RembukError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, detail?: string) {
    super(detail ?? code);
    this.code = code;
    this.name = 'RembukError';
  }
}
