import { Marked } from 'marked';
import { sanitizeHtml } from './sanitize-html.ts';

// A private instance, so no configuration leaks into (or from) other users of marked.
const marked = new Marked({ gfm: true, breaks: true, async: false });

/**
 * A proposal's Markdown as safe HTML. marked passes raw HTML through untouched, so its output
 * is only ever used after the same allow-list as messages (`sanitizeHtml`).
 */
export const renderMarkdown = (markdown: string): string => sanitizeHtml(marked.parse(markdown, { async: false }));
