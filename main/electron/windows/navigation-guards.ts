import { shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../../core/ports.ts';
import { isAllowedPermission, isAppUrl, toExternalUrl, urlForLog } from './url-policy.ts';

/**
 * The renderer shows messages from strangers; these keep a link or a hostile message
 * from turning the window into a browser. The decisions are in url-policy.ts (tested);
 * this file only wires them to Electron.
 */
export const guardWebContents = (contents: WebContents, logger: Logger): void => {
  // `target=_blank` links and window.open: never a new Electron window; web and mail links go to the OS.
  contents.setWindowOpenHandler(({ url }) => {
    const external = toExternalUrl(url);
    if (external === null) {
      logger.warn(`refused to open ${urlForLog(url)}`);
    } else {
      shell.openExternal(external).catch((error: unknown) => {
        logger.warn(`could not open ${urlForLog(external)} externally`, error);
      });
    }
    return { action: 'deny' };
  });

  // `will-frame-navigate` is `will-navigate` for the main frame and every subframe.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      logger.warn(`blocked navigation to ${urlForLog(event.url)}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      logger.warn(`blocked redirect to ${urlForLog(event.url)}`);
    }
  });
  // webviewTag is off already; this also covers a future window that forgets it.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
};

/** Deny every web permission except those isAllowedPermission grants, for requests and for silent checks alike. */
export const guardSession = (session: Session): void => {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission(permission, details.requestingUrl, 'mediaTypes' in details ? (details.mediaTypes ?? []) : []));
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    // Some checks arrive without an origin; then judge by the asking page itself.
    const url = requestingOrigin !== '' ? requestingOrigin : (details.requestingUrl ?? contents?.getURL() ?? '');
    return isAllowedPermission(permission, url, details.mediaType === undefined ? [] : [details.mediaType]);
  });
};
