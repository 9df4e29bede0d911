import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFacts } from './sender-policy.ts';

const trusted: SenderFacts = { frameUrl: 'app://rembuk/index.html', isMainFrame: true, fromOurWindow: true };

describe('isTrustedSender', () => {
  it('trusts the main frame of our window at app://rembuk/', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://rembuk/' })).toBe(true);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender({ ...trusted, frameUrl: null })).toBe(false);
  });

  it('refuses subframes', () => {
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
  });

  it('refuses windows we did not create', () => {
    expect(isTrustedSender({ ...trusted, fromOurWindow: false })).toBe(false);
  });

  it.each(['https://example.org/', 'app://rembuk.evil/', 'app://evil/', 'file:///index.html', 'about:blank', 'devtools://devtools/', ''])(
    'refuses other URLs: %s',
    (frameUrl) => {
      expect(isTrustedSender({ ...trusted, frameUrl })).toBe(false);
    },
  );
});
