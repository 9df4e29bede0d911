import { MatrixError, type AuthDict } from 'matrix-js-sdk';
import { describe, expect, it, vi } from 'vitest';
import { RembukError } from '../../../../shared/ipc/errors.ts';
import { passwordAuth } from './password-auth.ts';

const challenge = (): MatrixError => new MatrixError({ session: 'uia-1', flows: [{ stages: ['m.login.password'] }], params: {} }, 401);

describe('passwordAuth', () => {
  it('sends without auth first, and needs no password when the server lets it through', async () => {
    const makeRequest = vi.fn((_auth: AuthDict | null) => Promise.resolve());
    await passwordAuth('@alice:example.org', () => null)(makeRequest);
    expect(makeRequest.mock.calls).toEqual([[null]]);
  });

  it('answers a password challenge with the held password and the challenge session', async () => {
    const makeRequest = vi.fn((auth: AuthDict | null) => (auth === null ? Promise.reject(challenge()) : Promise.resolve()));
    await passwordAuth('@alice:example.org', () => 'rahasia')(makeRequest);
    expect(makeRequest.mock.calls[1]?.[0]).toEqual({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: '@alice:example.org' },
      password: 'rahasia',
      session: 'uia-1',
    });
  });

  it('asks for the password when it is no longer held', async () => {
    const makeRequest = vi.fn(() => Promise.reject(challenge()));
    await expect(passwordAuth('@alice:example.org', () => null)(makeRequest)).rejects.toMatchObject({ code: 'password_required' });
    expect(makeRequest).toHaveBeenCalledTimes(1);
  });

  it('reports a password the server refused as wrong_password', async () => {
    const forbidden = new MatrixError({ errcode: 'M_FORBIDDEN', error: 'Invalid password' }, 401);
    const makeRequest = vi.fn((auth: AuthDict | null) => Promise.reject(auth === null ? challenge() : forbidden));
    await expect(passwordAuth('@alice:example.org', () => 'salah')(makeRequest)).rejects.toEqual(new RembukError('wrong_password'));
  });

  it('passes other failures on unchanged', async () => {
    const failure = new MatrixError({ errcode: 'M_UNKNOWN' }, 500);
    await expect(passwordAuth('@alice:example.org', () => 'x')(() => Promise.reject(failure))).rejects.toBe(failure);
  });
});
