/**
 * Splitting the text after a header into author and body, and telling messages from system
 * events. Known system phrases are tried on the whole text first (a subject may contain
 * `: `); only then is the text split on the first `: ` (sender names can contain ` - `, so
 * the header already ended at the first ` - ` after the time). iOS sometimes writes system
 * events with an author (reference §6): those are recognised after the split.
 */
import type { ExportFormat } from './export-model.ts';
import { stripLeadingMarks, unwrapPhoneNumbers } from './message-body.ts';
import { matchSystemText, type SystemMatch } from './system-phrases.ts';

export type HeaderText = {
  readonly type: 'message' | 'system';
  /** Normalised author, or the label of an iOS system event; null for authorless events. */
  readonly sender: string | null;
  /** The first body line, as written. */
  readonly firstLine: string;
  /** Null for a message, and for a system line that matches no known phrase. */
  readonly system: SystemMatch | null;
};

const normaliseName = (name: string): string => unwrapPhoneNumbers(stripLeadingMarks(name));

const firstQuote = (text: string): number => {
  const straight = text.indexOf('"');
  const curly = text.indexOf('“');
  return straight === -1 ? curly : curly === -1 ? straight : Math.min(straight, curly);
};

/**
 * A sender whose own name contains `: ` (`Pak RT 05: Joko`) is split at the first `: `: the
 * export gives no participant list to tell, and system lines cannot name him either, since
 * a name with `: ` is exactly what rules a line out as a system event.
 */
export const readHeaderText = (format: ExportFormat, rest: string): HeaderText => {
  const colon = rest.indexOf(': ');
  const quote = firstQuote(rest);
  // Names never contain `: `, so a colon before any quoted title rules out an authorless event.
  if (colon === -1 || (quote !== -1 && quote < colon)) {
    const system = matchSystemText(rest);
    if (system !== null) {
      return { type: 'system', sender: null, firstLine: rest, system };
    }
  }
  if (colon === -1) {
    return { type: 'system', sender: null, firstLine: rest, system: null };
  }
  const sender = normaliseName(rest.slice(0, colon));
  const body = rest.slice(colon + 2);
  if (format === 'ios') {
    const system = matchSystemText(body);
    // iOS marks system texts with a leading U+200E; a short phrase without it, not naming the
    // label as its actor, is more likely typed by a person.
    if (system !== null && (!system.weak || body.startsWith('\u200E') || stripLeadingMarks(body).startsWith(`${sender} `))) {
      return { type: 'system', sender, firstLine: body, system };
    }
  }
  return { type: 'message', sender, firstLine: body, system: null };
};
