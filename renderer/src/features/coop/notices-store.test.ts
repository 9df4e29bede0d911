import { describe, expect, it, vi } from 'vitest';
import type { CoopNotice } from '../../../../shared/model/coop.ts';
import type { Language } from '../../../../shared/model/settings.ts';
import type { SystemNotifier } from '../../lib/system-notifications.ts';
import { createFakeBridge } from '../../test/fake-bridge.ts';
import { createNoticesStore, MAX_NOTICES } from './notices-store.ts';

const notice = (extra: Partial<CoopNotice> = {}): CoopNotice => ({
  kind: 'newProposal',
  roomId: '!coop:x',
  coopName: 'Koperasi Tani',
  proposalId: '$p1',
  title: 'Beli traktor',
  closesAt: 1_700_000_000_000,
  ...extra,
});

const fakeNotifier = (permission: NotificationPermission) => {
  const shown: { title: string; body: string; click: () => void }[] = [];
  let current = permission;
  const notifier: SystemNotifier = {
    permission: () => current,
    requestPermission: vi.fn(() => {
      current = 'granted';
      return Promise.resolve(current);
    }),
    show: (title, options, onClick) => {
      shown.push({ title, body: options.body, click: onClick });
    },
  };
  return { notifier, shown };
};

const setup = (notifier: SystemNotifier | null, language: Language = 'id') => {
  const bridge = createFakeBridge();
  const opened: [string, string][] = [];
  const notices = createNoticesStore(bridge, { notifier, language: () => language, open: (roomId, proposalId) => opened.push([roomId, proposalId]) });
  return { bridge, notices, opened };
};

describe('notices store', () => {
  it('keeps each notice once, newest last, and only the last few', () => {
    const { bridge, notices } = setup(null);
    bridge.emit('coop:notice', notice());
    bridge.emit('coop:notice', notice({ kind: 'closingSoon' }));
    bridge.emit('coop:notice', notice());
    expect(notices.store.getState().items.map((item) => item.kind)).toEqual(['closingSoon', 'newProposal']);
    for (let i = 0; i < 10; i += 1) {
      bridge.emit('coop:notice', notice({ proposalId: `$p${String(i + 10)}` }));
    }
    expect(notices.store.getState().items).toHaveLength(MAX_NOTICES);
  });

  it('opens the proposal of a clicked notice and dismisses it', () => {
    const { bridge, notices, opened } = setup(null);
    bridge.emit('coop:notice', notice());
    bridge.emit('coop:notice', notice({ proposalId: '$p2' }));
    const [first] = notices.store.getState().items;
    notices.open(first!.key);
    expect(opened).toEqual([['!coop:x', '$p1']]);
    expect(notices.store.getState().items.map((item) => item.proposalId)).toEqual(['$p2']);
    notices.dismiss(notices.store.getState().items[0]!.key);
    expect(notices.store.getState().items).toEqual([]);
  });

  it('also notifies the system, in the member language, only once permission is granted', () => {
    const denied = fakeNotifier('denied');
    setup(denied.notifier).bridge.emit('coop:notice', notice());
    expect(denied.shown).toEqual([]);

    const granted = fakeNotifier('granted');
    const { bridge, opened } = setup(granted.notifier, 'en');
    bridge.emit('coop:notice', notice());
    bridge.emit('coop:notice', notice({ kind: 'closingSoon' }));
    expect(granted.shown.map((item) => item.title)).toEqual(['New proposal in Koperasi Tani: Beli traktor', 'Beli traktor closes within 24 hours']);
    expect(granted.shown[0]!.body).toMatch(/^Closes /);
    granted.shown[0]!.click();
    expect(opened).toEqual([['!coop:x', '$p1']]);
  });

  it('says it in Bahasa Indonesia by default', () => {
    const granted = fakeNotifier('granted');
    const { bridge } = setup(granted.notifier);
    bridge.emit('coop:notice', notice());
    bridge.emit('coop:notice', notice({ kind: 'closingSoon' }));
    expect(granted.shown.map((item) => item.title)).toEqual(['Usulan baru di Koperasi Tani: Beli traktor', 'Beli traktor ditutup dalam 24 jam']);
  });

  it('asks for permission once, and only when the member has never answered', async () => {
    const fresh = fakeNotifier('default');
    const { notices } = setup(fresh.notifier);
    await notices.requestPermission();
    await notices.requestPermission();
    expect(fresh.notifier.requestPermission).toHaveBeenCalledTimes(1);

    const denied = fakeNotifier('denied');
    await setup(denied.notifier).notices.requestPermission();
    expect(denied.notifier.requestPermission).not.toHaveBeenCalled();

    await expect(setup(null).notices.requestPermission()).resolves.toBeUndefined();
  });

  it('stops listening on dispose', () => {
    const { bridge, notices } = setup(null);
    notices.dispose();
    expect(bridge.listenerCount('coop:notice')).toBe(0);
  });
});
