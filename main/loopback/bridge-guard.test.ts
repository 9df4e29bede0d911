import { describe, expect, it } from 'vitest';
import { BRIDGE_PROTOCOL, mayConnect } from './bridge-guard.ts';

const expectedHost = '127.0.0.1:45678';
const secret = '0123456789abcdef0123456789abcdef0123456789abcdef';

const good = {
  origin: `http://${expectedHost}`,
  host: expectedHost,
  protocols: [BRIDGE_PROTOCOL, `secret.${secret}`],
  expectedHost,
  secret,
};

describe('mayConnect', () => {
  it('lets the page we served connect with this run’s secret', () => {
    expect(mayConnect(good)).toBe(true);
  });

  it('does not care about the order of the offered protocols', () => {
    expect(mayConnect({ ...good, protocols: [`secret.${secret}`, 'other', BRIDGE_PROTOCOL] })).toBe(true);
  });

  it.each([
    ['another port', '127.0.0.1:45679'],
    ['another name for the same machine', 'localhost:45678'],
    ['a rebinding domain', 'evil.example:45678'],
    ['no port', '127.0.0.1'],
    ['no host header', undefined],
  ])('refuses a Host of %s', (_label, host) => {
    expect(mayConnect({ ...good, host })).toBe(false);
  });

  it.each([
    ['another site', 'http://evil.example'],
    ['https', `https://${expectedHost}`],
    ['a trailing slash', `http://${expectedHost}/`],
    ['localhost', 'http://localhost:45678'],
    ['an opaque origin', 'null'],
    ['no origin', undefined],
  ])('refuses an Origin of %s', (_label, origin) => {
    expect(mayConnect({ ...good, origin })).toBe(false);
  });

  it.each([
    ['no protocols', []],
    ['the secret without the bridge protocol', [`secret.${secret}`]],
    ['an older bridge protocol', ['rembuk-bridge.v0', `secret.${secret}`]],
  ])('refuses %s', (_label, protocols) => {
    expect(mayConnect({ ...good, protocols })).toBe(false);
  });

  it.each([
    ['missing', [BRIDGE_PROTOCOL]],
    ['empty', [BRIDGE_PROTOCOL, 'secret.']],
    ['too short', [BRIDGE_PROTOCOL, `secret.${secret.slice(0, -1)}`]],
    ['too long', [BRIDGE_PROTOCOL, `secret.${secret}0`]],
    ['wrong at the same length', [BRIDGE_PROTOCOL, `secret.${secret.slice(0, -1)}0`]],
    ['without its prefix', [BRIDGE_PROTOCOL, secret]],
    ['in another case', [BRIDGE_PROTOCOL, `secret.${secret.toUpperCase()}`]],
  ])('refuses a secret that is %s', (_label, protocols) => {
    expect(mayConnect({ ...good, protocols })).toBe(false);
  });
});
