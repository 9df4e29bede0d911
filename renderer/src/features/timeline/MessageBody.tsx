import type { MouseEvent } from 'react';
import { useMemo } from 'react';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { linkSegments } from '../../lib/linkify.ts';
import { parseMatrixLink } from '../../lib/matrix-links.ts';
import { sanitizeHtml } from '../../lib/sanitize-html.ts';
import { useMessageActions } from './message-actions.ts';

type TextMessage = Extract<TimelineItem, { kind: 'message' }>;

/** Plain text with its links as anchors; the text itself is never parsed as HTML. */
const LinkedText = ({ text }: { text: string }) => (
  <>
    {linkSegments(text).map((segment, index) =>
      segment.kind === 'text' ? (
        segment.text
      ) : (
        <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer">
          {segment.text}
        </a>
      ),
    )}
  </>
);

/**
 * A text message's body: its sanitised HTML, or its plain text with links. A click on a
 * matrix.to or matrix: link opens the room or person inside Rembuk; other links leave
 * through the window's guard (target _blank, http(s) and mailto only).
 */
export const MessageBody = ({ item }: { item: TextMessage }) => {
  const actions = useMessageActions();
  const safeHtml = useMemo(() => (item.html === null ? null : sanitizeHtml(item.html)), [item.html]);
  const prefix = item.msgtype === 'emote' ? `* ${item.senderName} ` : '';

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    const href = anchor?.getAttribute('href');
    if (href === null || href === undefined) {
      return;
    }
    const link = parseMatrixLink(href);
    if (link !== null && actions !== null) {
      event.preventDefault();
      actions.openMatrixLink(link, href);
    } else if (href.startsWith('matrix:')) {
      // Nothing outside would open it anyway.
      event.preventDefault();
    }
  };

  return (
    // The click is the links' (anchors are keyboard-reachable themselves); the div only listens for them.
    <div className="message-body" data-testid="message-body" onClick={onClick}>
      {prefix}
      {safeHtml !== null ? (
        // The only raw HTML in the app, and only after the Matrix allow-list.
        <span className="formatted" dangerouslySetInnerHTML={{ __html: safeHtml }} />
      ) : (
        <LinkedText text={item.body} />
      )}
    </div>
  );
};
