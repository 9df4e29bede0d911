import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/ports.ts';
import type { IpcResult } from '../../shared/ipc/errors.ts';
import { demoRestore, demoSignIn } from './demo-sign-in.ts';

/** A connection answering from a script per channel (the last answer repeats), recording every request. */
const fakeConnection = (answers: Record<string, unknown[]>) => {
  const calls: [string, unknown][] = [];
  return {
    calls,
    handle: (channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
      const name = String(channel);
      calls.push([name, input]);
      const script = answers[name] ?? [null];
      const value = script.length > 1 ? script.shift() : script[0];
      return Promise.resolve({ ok: true, value });
    },
  };
};
const noWait = (): Promise<void> => Promise.resolve();
const credentials = JSON.stringify({ homeserverUrl: 'http://127.0.0.1:8008', username: 'sari', password: 'demo-sari' });

describe('demoSignIn', () => {
  it('signs in with the credentials from the environment when the profile has no session, in Indonesian', async () => {
    const connection = fakeConnection({ 'session:get': [null], 'session:signIn': [{ userId: '@sari:localhost' }] });
    await demoSignIn(connection, credentials, silentLogger);
    expect(connection.calls).toEqual([
      ['session:get', {}],
      ['session:signIn', JSON.parse(credentials)],
      ['settings:setLanguage', { language: 'id' }],
    ]);
  });

  it('leaves a saved session alone', async () => {
    const connection = fakeConnection({ 'session:get': [{ userId: '@sari:localhost' }] });
    await demoSignIn(connection, credentials, silentLogger);
    expect(connection.calls.map(([channel]) => channel)).toEqual(['session:get']);
  });
});

describe('demoRestore', () => {
  it('waits for the first sync, then restores with the saved recovery key when the device asks for it', async () => {
    const connection = fakeConnection({ 'security:get': [{ phase: 'checking' }, { phase: 'checking' }, { phase: 'needsRestore' }] });
    await demoRestore(connection, 'EsTc abcd', silentLogger, noWait);
    expect(connection.calls).toEqual([
      ['security:get', {}],
      ['security:get', {}],
      ['security:get', {}],
      ['security:restore', { recoveryKey: 'EsTc abcd' }],
    ]);
  });

  it('does nothing on a device that is already ready (a later run)', async () => {
    const connection = fakeConnection({ 'security:get': [{ phase: 'ready' }] });
    await demoRestore(connection, 'EsTc abcd', silentLogger, noWait);
    expect(connection.calls.map(([channel]) => channel)).toEqual(['security:get']);
  });

  it('asks nothing without a saved key', async () => {
    const connection = fakeConnection({});
    await demoRestore(connection, '', silentLogger, noWait);
    expect(connection.calls).toEqual([]);
  });
});
