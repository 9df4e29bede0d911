import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedExternalUrl, isAllowedPermission, isAppUrl, toExternalUrl, urlForLog } from './url-policy.ts';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://rembuk/index.html', 'app://rembuk/assets/x.js?v=1#top', 'app://REMBUK/', 'app://rembuk'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://rembuk.evil/',
    'app://evil/',
    'app://rembuk@evil/',
    'app://user:pw@rembuk/',
    'app://rembuk:8080/',
    'apps://rembuk/',
    'https://rembuk/',
    'file:///rembuk/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.org', 'http://example.org/a?b=c#d', 'https://matrix.to/#/@alice:example.org', 'mailto:someone@example.org'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file://server/share/evil.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'app://rembuk/',
    'chrome://settings',
    'ftp://example.org',
    'https://bank.example@evil.example/',
    'https://user:pw@example.org/',
    'mailto:',
    'https://',
    '//example.org',
    'example.org',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses absurdly long URLs', () => {
    expect(isAllowedExternalUrl(`https://example.org/${'a'.repeat(9000)}`)).toBe(false);
  });
});

describe('toExternalUrl', () => {
  it('returns the normalised form, which is what reaches the OS', () => {
    expect(toExternalUrl('HTTPS://Example.ORG/a b')).toBe('https://example.org/a%20b');
    expect(toExternalUrl(' https://example.org/\n')).toBe('https://example.org/');
  });
});

describe('isAllowedPermission', () => {
  it('grants notifications and sanitised clipboard writes to our page only', () => {
    expect(isAllowedPermission('notifications', 'app://rembuk/')).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://rembuk')).toBe(true);
    expect(isAllowedPermission('notifications', 'https://example.org/')).toBe(false);
    expect(isAllowedPermission('notifications', '')).toBe(false);
  });

  it('grants the microphone alone to our page, for voice notes', () => {
    expect(isAllowedPermission('media', 'app://rembuk/', ['audio'])).toBe(true);
    expect(isAllowedPermission('media', 'app://rembuk/', ['audio', 'video'])).toBe(false);
    expect(isAllowedPermission('media', 'app://rembuk/', ['video'])).toBe(false);
    expect(isAllowedPermission('media', 'app://rembuk/', ['unknown'])).toBe(false);
    expect(isAllowedPermission('media', 'https://example.org/', ['audio'])).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'usb', 'hid', 'serial', 'fileSystem', 'unknown'])(
    'refuses %s',
    (permission) => {
      expect(isAllowedPermission(permission, 'app://rembuk/')).toBe(false);
    },
  );
});

describe('urlForLog', () => {
  it('keeps only scheme and host', () => {
    expect(urlForLog('https://example.org/secret/path?token=abc')).toBe('https://example.org');
    expect(urlForLog('mailto:alice@example.org')).toBe('mailto:');
    expect(urlForLog('nonsense')).toBe('<unparseable url>');
  });
});
