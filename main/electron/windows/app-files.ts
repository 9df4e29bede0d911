import path from 'node:path';
import { contentSecurityPolicy } from '../../../shared/security/content-security-policy.ts';
import { APP_HOST, APP_SCHEME } from './url-policy.ts';

/**
 * The pure half of the `app://` scheme: which file a request may read and what to call
 * it. app-protocol.ts does the reading; everything that decides is here and tested.
 */

/** Sent as a header on every `app://` response, so it holds even if index.html forgets its meta tag. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const contentTypeFor = (filePath: string): string => CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';

export type AppFileLookup = { kind: 'file'; filePath: string; contentType: string } | { kind: 'reject'; status: 400 | 404 | 405 };

type PathApi = Pick<typeof path, 'join' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps an `app://rembuk/…` request to a file under `root` (dist/renderer), or says why
 * not. GET only, host `rembuk` only; a path that decodes or normalises to anything
 * outside `root` (`..`, `%2e%2e`, `%5c..` on Windows, NUL bytes) is refused. `pathApi`
 * exists so tests can check Windows path rules on any OS.
 */
export const resolveAppRequest = (method: string, rawUrl: string, root: string, pathApi: PathApi = path): AppFileLookup => {
  if (method !== 'GET') {
    return { kind: 'reject', status: 405 };
  }
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'reject', status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username !== '') {
    return { kind: 'reject', status: 404 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'reject', status: 400 };
  }
  if (decoded.includes('\0')) {
    return { kind: 'reject', status: 400 };
  }
  const candidate = pathApi.join(root, decoded);
  const relative = pathApi.relative(root, candidate);
  if (relative === '..' || relative.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(relative)) {
    return { kind: 'reject', status: 404 };
  }
  const filePath = relative === '' || decoded.endsWith('/') ? pathApi.join(candidate, 'index.html') : candidate;
  return { kind: 'file', filePath, contentType: contentTypeFor(filePath) };
};
