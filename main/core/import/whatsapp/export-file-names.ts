/**
 * What WhatsApp calls its export files (reference §1): the chat name is in the file name,
 * and a zip's chat text has one of a few names.
 */

const NAMED_EXPORT = [/^WhatsApp Chat with (.+)\.txt$/i, /^Chat WhatsApp dengan (.+)\.txt$/i, /^WhatsApp Chat - (.+)\.zip$/i];

/** The last path segment, whichever separator the path uses. */
export const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** `WhatsApp Chat with Warung Bersama 2.0.txt` → `Warung Bersama 2.0`; some languages put NBSP in the name. */
export const chatNameFromFileName = (fileName: string): string | null => {
  const name = baseName(fileName).replace(/\u00A0/g, ' ');
  for (const pattern of NAMED_EXPORT) {
    const chatName = pattern.exec(name)?.[1]?.trim();
    if (chatName !== undefined && chatName !== '') {
      return chatName;
    }
  }
  return null;
};

/**
 * A name that may hold the chat text: `_chat.txt`, `WhatsApp Chat with *.txt`,
 * `Chat WhatsApp dengan *.txt`, and, like mlomb/chat-analytics, any `*chat*.txt`.
 * The content still has to look like an export (see open-export.ts).
 */
export const isChatFileName = (fileName: string): boolean => {
  const name = baseName(fileName).toLowerCase();
  return name.endsWith('.txt') && name.includes('chat');
};
