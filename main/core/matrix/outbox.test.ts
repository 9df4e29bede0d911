import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { silentLogger } from '../ports.ts';
import { Outbox, type OutboxEntry } from './outbox.ts';

const temp = useTempDir('rembuk-outbox-');

const makeOutbox = () => new Outbox({ profileDir: temp.path, logger: silentLogger });
const entry = (txnId: string, body = `body of ${txnId}`): OutboxEntry => ({ txnId, roomId: '!r:x', body, createdAt: 1000 });

describe('Outbox', () => {
  it('loads empty for a new profile', async () => {
    expect(await makeOutbox().load()).toEqual([]);
  });

  it('finds what was added and forgets what was removed', async () => {
    const outbox = makeOutbox();
    await outbox.load();
    await outbox.add(entry('t1'));
    await outbox.add(entry('t2'));
    expect(outbox.find('t1')).toEqual(entry('t1'));
    await outbox.remove('t1');
    expect(outbox.find('t1')).toBeUndefined();
    expect(outbox.find('t2')).toEqual(entry('t2'));
  });

  it('is on disk once add resolves: a new instance loads it, in order', async () => {
    const outbox = makeOutbox();
    await outbox.add(entry('t1'));
    await outbox.add(entry('t2'));
    await outbox.add(entry('t3'));
    await outbox.remove('t2');
    const reopened = makeOutbox();
    expect(await reopened.load()).toEqual([entry('t1'), entry('t3')]);
    expect(reopened.find('t3')).toEqual(entry('t3'));
  });

  it('knows nothing from disk before load', async () => {
    await makeOutbox().add(entry('t1'));
    expect(makeOutbox().find('t1')).toBeUndefined();
  });

  it('replaces an entry added again under the same transaction id, without duplicating it', async () => {
    const outbox = makeOutbox();
    await outbox.add(entry('t1', 'first'));
    await outbox.add(entry('t2'));
    await outbox.add(entry('t1', 'second'));
    expect(await makeOutbox().load()).toEqual([entry('t2'), entry('t1', 'second')]);
  });

  it('writes nothing when removing an unknown transaction id', async () => {
    const outbox = makeOutbox();
    await outbox.load();
    await outbox.remove('nope');
    await outbox.flushed();
    expect(await readdir(temp.path)).toEqual([]);
  });

  it('answers a copy from load, so the caller cannot change the outbox', async () => {
    const outbox = makeOutbox();
    await outbox.add(entry('t1'));
    const loaded = await outbox.load();
    loaded.length = 0;
    expect(outbox.find('t1')).toEqual(entry('t1'));
  });
});
