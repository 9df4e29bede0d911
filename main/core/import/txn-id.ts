/**
 * Transaction ids that make the import exactly-once. A homeserver treats a second PUT with
 * the same transaction id from the same device as the first one (Synapse keys it on user,
 * device and room, in memory for 30–60 min and in `event_txn_id_device_id` for 24 h), so an
 * entry re-sent after a crash with the id it had before lands once. The id is a function of
 * the export and the entry alone: nothing random survives a crash, and nothing needs to.
 */
/** `rbi1.<128 bits of the fingerprint>.<entry>[.<part>]`: short, URL-safe, and unique per entry and part. */
export const importTxnId = (fingerprint: string, entryIndex: number, part: number | null): string =>
  `rbi1.${fingerprint.slice(0, 32)}.${String(entryIndex)}${part === null ? '' : `.${String(part)}`}`;
