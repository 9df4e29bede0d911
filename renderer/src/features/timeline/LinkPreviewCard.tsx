import { useEffect, useMemo, useState } from 'react';
import type { LinkPreview } from '../../../../shared/model/conversation.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { firstWebLink } from '../../lib/linkify.ts';
import { useMessageActions } from './message-actions.ts';

/**
 * A card for a message's first web link, when the room has link previews on. Main fetches it
 * through the homeserver; the card shows text only (no remote image is loaded).
 */
export const LinkPreviewCard = ({ item }: { item: Extract<TimelineItem, { kind: 'message' }> }) => {
  const actions = useMessageActions();
  const previewLink = actions?.previewLink ?? null;
  const url = useMemo(() => (item.msgtype === 'notice' ? null : firstWebLink(item.body)), [item.body, item.msgtype]);
  const [preview, setPreview] = useState<LinkPreview | null>(null);

  useEffect(() => {
    if (url === null || previewLink === null) {
      return undefined;
    }
    let live = true;
    void previewLink(url).then((result) => {
      if (live && result.ok) {
        setPreview(result.value);
      }
    });
    return () => {
      live = false;
    };
  }, [url, previewLink]);

  if (preview === null || url === null || previewLink === null || (preview.title === null && preview.description === null)) {
    return null;
  }
  return (
    <a className="link-preview" href={url} target="_blank" rel="noopener noreferrer" data-testid="link-preview">
      {preview.siteName !== null && <span className="link-preview-site muted">{preview.siteName}</span>}
      {preview.title !== null && <span className="link-preview-title">{preview.title}</span>}
      {preview.description !== null && <span className="link-preview-description">{preview.description}</span>}
    </a>
  );
};
