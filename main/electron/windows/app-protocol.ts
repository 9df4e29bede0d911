import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import type { Logger } from '../../core/ports.ts';
import { CONTENT_SECURITY_POLICY, resolveAppRequest } from './app-files.ts';
import { APP_SCHEME } from './url-policy.ts';
import { MEDIA_SCHEME, MEDIA_SCHEME_PRIVILEGES } from './media-protocol.ts';

/**
 * Must run before `ready`. `standard` gives `app://rembuk/` real origins and relative
 * URLs; `secure` makes it a secure context (notifications, clipboard, crypto.subtle);
 * `supportFetchAPI` lets the page fetch its own assets. Not `bypassCSP`, not `corsEnabled`.
 * Electron takes one registration only, so the attachments' `rembuk-media:` comes here too.
 */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: MEDIA_SCHEME, privileges: MEDIA_SCHEME_PRIVILEGES },
  ]);
};

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

const status = (code: number): Response => new Response(null, { status: code, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

const isMissing = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
};

/**
 * Serves the built renderer from `root` on `app://rembuk/`, for the default session.
 * The checks live in app-files.ts; here we only read and answer. Call after `ready`.
 */
export const serveAppScheme = (root: string, logger: Logger): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const lookup = resolveAppRequest(request.method, request.url, root);
    if (lookup.kind === 'reject') {
      return status(lookup.status);
    }
    try {
      const body = await readFile(lookup.filePath);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': lookup.contentType },
      });
    } catch (error) {
      if (isMissing(error)) {
        return status(404);
      }
      logger.error(`app:// could not read ${lookup.filePath}`, error);
      return status(500);
    }
  });
};
