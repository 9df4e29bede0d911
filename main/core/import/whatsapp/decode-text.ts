/**
 * Bytes to lines. Exports come from phones and from re-zipping tools, so nothing about the
 * bytes is trusted: invalid UTF-8 becomes U+FFFD instead of an exception, a BOM is dropped
 * (a BOM-prefixed first header would otherwise not match), and CRLF, LF and a lone CR all
 * end a line (one fixture has all three).
 */

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export const decodeText = (bytes: Uint8Array): string => {
  const text = decoder.decode(bytes);
  // TextDecoder drops one BOM; a file re-saved by an editor can carry a second.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
};

export type SplitText = {
  readonly lines: readonly string[];
  /** False when the last line has no line break: the export may have been cut. */
  readonly endsWithLineBreak: boolean;
};

const LINE_BREAK = /\r\n|\r|\n/;

export const splitLines = (text: string): SplitText => {
  if (text === '') {
    return { lines: [], endsWithLineBreak: true };
  }
  const lines = text.split(LINE_BREAK);
  const last = text.charCodeAt(text.length - 1);
  const endsWithLineBreak = last === 10 || last === 13;
  if (endsWithLineBreak) {
    // The break after the last line does not start another (empty) line.
    lines.pop();
  }
  return { lines, endsWithLineBreak };
};
