import { isAppUrl } from '../windows/url-policy.ts';

/** What main can observe about who sent an IPC message. */
export type SenderFacts = {
  /** `event.senderFrame?.url`: null when the frame is already gone or navigated away. */
  frameUrl: string | null;
  /** The frame is its page's top frame (no parent), not an iframe. */
  isMainFrame: boolean;
  /** The sender's webContents belongs to a window this process created and attached. */
  fromOurWindow: boolean;
};

/**
 * Only our own renderer, in the top frame of our own window, at `app://rembuk/`, may
 * talk to the core. Anything else (an iframe, a page navigated elsewhere, a webContents
 * we did not create, a frame that no longer exists) is refused.
 */
export const isTrustedSender = ({ frameUrl, isMainFrame, fromOurWindow }: SenderFacts): boolean =>
  frameUrl !== null && isMainFrame && fromOurWindow && isAppUrl(frameUrl);
