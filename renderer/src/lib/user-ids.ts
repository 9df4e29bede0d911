import { matrixUserId } from '../../../shared/model/room.ts';

export type ParsedUserIds = { valid: string[]; invalid: string[] };

/** Splits what a member typed ("@a:x, @b:y @c:z") into Matrix IDs, checked like main checks them. */
export const parseUserIds = (text: string): ParsedUserIds => {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    if (part === '') {
      continue;
    }
    const parsed = matrixUserId.safeParse(part);
    if (parsed.success) {
      if (!valid.includes(parsed.data)) {
        valid.push(parsed.data);
      }
    } else {
      invalid.push(part);
    }
  }
  return { valid, invalid };
};

export const isUserId = (text: string): boolean => matrixUserId.safeParse(text).success;
