import { expect, test } from '@playwright/test';
import { NIO_MISSING_REASON, nioAvailable, startNioPeer, type NioPeer } from '../fixtures/nio-peer.ts';
import { newTestUser } from '../fixtures/users.ts';

/*
 * Checks the interop harness itself: two matrix-nio peers (Olm/Megolm via libolm, no
 * Rembuk code at all) talk in an encrypted room on the run's Synapse. If this fails,
 * an interop spec failing tells nothing about Rembuk.
 */

test('harness self-test: two nio peers exchange Megolm-encrypted messages', async () => {
  const testInfo = test.info();
  // CI installs the packages (.ci/run): there a missing nio is a failure, not a skip.
  test.skip(!nioAvailable() && process.env.CI !== 'true', NIO_MISSING_REASON);
  expect(nioAvailable(), NIO_MISSING_REASON).toBe(true);

  const [userA, userB] = await Promise.all([newTestUser('nio-a'), newTestUser('nio-b')]);
  const peers: NioPeer[] = [];
  try {
    const a = await startNioPeer({ homeserverUrl: userA.baseUrl, userId: userA.userId, password: userA.password });
    peers.push(a);
    const b = await startNioPeer({ homeserverUrl: userB.baseUrl, userId: userB.userId, password: userB.password });
    peers.push(b);

    const [loginA, loginB] = await test.step('both log in and upload their device keys', async () => {
      const logins = await Promise.all([a.login(), b.login()]);
      for (const login of logins) {
        expect(login.deviceId).not.toBe('');
        expect(login.curve25519).not.toBe('');
      }
      return logins;
    });

    const roomId = await test.step('A creates an encrypted room inviting B; B accepts', async () => {
      const id = await a.createRoom('nio selftest', [userB.userId], true);
      expect(await b.acceptInvites()).toContain(id);
      return id;
    });

    await test.step('A sends, B decrypts', async () => {
      await a.sync(); // sees B's join
      const sent = await a.send(roomId, 'halo dari A');
      expect(sent.encrypted).toBe(true);
      expect(sent.sharedWith).toContain(`${userB.userId} ${loginB.deviceId}`);
      const got = await b.waitFor(roomId, 'halo dari A', 30);
      expect(got).toMatchObject({ eventId: sent.eventId, sender: userA.userId, decrypted: true, sessionId: sent.sessionId });
    });

    await test.step('B replies, A decrypts', async () => {
      const sent = await b.send(roomId, 'halo juga dari B');
      expect(sent.encrypted).toBe(true);
      expect(sent.sharedWith).toContain(`${userA.userId} ${loginA.deviceId}`);
      const got = await a.waitFor(roomId, 'halo juga dari B', 30);
      expect(got).toMatchObject({ eventId: sent.eventId, sender: userB.userId, decrypted: true });
    });
  } finally {
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [index, peer] of peers.entries()) {
        await testInfo.attach(`nio peer ${index === 0 ? 'A' : 'B'} stderr`, { body: peer.stderr(), contentType: 'text/plain' });
      }
    }
    await Promise.all(peers.map((peer) => peer.stop()));
  }
});
