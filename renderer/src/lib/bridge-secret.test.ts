import { describe, expect, it, vi } from 'vitest';
import { takeBridgeSecret } from './bridge-secret.ts';

const memoryStorage = () => {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      values.set(key, value);
    },
  };
};

describe('takeBridgeSecret', () => {
  it('takes the secret from the hash, keeps it and removes it from the URL', () => {
    const storage = memoryStorage();
    const history = { replaceState: vi.fn() };
    const secret = takeBridgeSecret({ location: { hash: '#bridge=abc123', pathname: '/', search: '' }, storage, history });
    expect(secret).toBe('abc123');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(storage.getItem('rembuk.bridgeSecret')).toBe('abc123');
  });

  it('keeps other hash parameters', () => {
    const history = { replaceState: vi.fn() };
    takeBridgeSecret({ location: { hash: '#bridge=abc&room=x', pathname: '/app/', search: '?q=1' }, storage: memoryStorage(), history });
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/app/?q=1#room=x');
  });

  it('falls back to the stored secret after a reload', () => {
    const storage = memoryStorage();
    storage.setItem('rembuk.bridgeSecret', 'kept');
    const history = { replaceState: vi.fn() };
    expect(takeBridgeSecret({ location: { hash: '', pathname: '/', search: '' }, storage, history })).toBe('kept');
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it('returns null when there is none', () => {
    const history = { replaceState: vi.fn() };
    expect(takeBridgeSecret({ location: { hash: '', pathname: '/', search: '' }, storage: memoryStorage(), history })).toBeNull();
  });
});
