import { describe, expect, it } from 'vitest';
import type { DeviceView, SecurityView } from '../../../../shared/model/security.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import { createSecurityStore } from './security-store.ts';

const view = (extra: Partial<SecurityView> = {}): SecurityView => ({
  phase: 'ready',
  crossSigningReady: true,
  keyBackupEnabled: true,
  deviceVerified: true,
  recoveryKeyWaiting: false,
  restoreProgress: null,
  ...extra,
});

const devices: DeviceView[] = [{ deviceId: 'DEVICE1', displayName: 'Rembuk', verified: 'verified', thisDevice: true }];

const setup = () => {
  const bridge = createFakeBridge();
  let key: string | null = 'EsTx abcd';
  bridge.handle('security:get', () => ok(view()));
  bridge.handle('security:takeRecoveryKey', () => {
    const taken = key;
    key = null;
    return ok(taken === null ? null : { recoveryKey: taken });
  });
  bridge.handle('security:devices', () => ok(devices));
  bridge.handle('security:restore', () => ok(null));
  return { bridge, security: createSecurityStore(bridge) };
};

describe('security store', () => {
  it('takes the recovery key once when main says one is waiting, and drops it once saved', async () => {
    const { bridge, security } = setup();
    bridge.emit('security:changed', view({ recoveryKeyWaiting: true }));
    bridge.emit('security:changed', view({ recoveryKeyWaiting: true }));
    await flush();
    expect(bridge.callsTo('security:takeRecoveryKey')).toHaveLength(1);
    expect(security.store.getState().recoveryKey).toBe('EsTx abcd');
    security.recoveryKeySaved();
    expect(security.store.getState().recoveryKey).toBeNull();
  });

  it('loads the view and asks for no key when none is waiting', async () => {
    const { bridge, security } = setup();
    await security.load();
    expect(security.store.getState().view?.phase).toBe('ready');
    expect(bridge.callsTo('security:takeRecoveryKey')).toHaveLength(0);
  });

  it('keeps the devices list current only while it is watched', async () => {
    const { bridge, security } = setup();
    await security.watchDevices();
    expect(security.store.getState().devices).toEqual(devices);
    bridge.emit('security:changed', view());
    await flush();
    expect(bridge.callsTo('security:devices')).toHaveLength(2);
    security.unwatchDevices();
    bridge.emit('security:changed', view());
    await flush();
    expect(bridge.callsTo('security:devices')).toHaveLength(2);
    expect(security.store.getState().devices).toBeNull();
  });

  it('remembers a put-off restore until reset, and forgets everything on reset', async () => {
    const { bridge, security } = setup();
    bridge.emit('security:changed', view({ phase: 'needsRestore', recoveryKeyWaiting: true }));
    await flush();
    security.dismissRestore();
    expect(security.store.getState()).toMatchObject({ restoreDismissed: true, recoveryKey: 'EsTx abcd' });
    security.reset();
    expect(security.store.getState()).toEqual({ view: null, recoveryKey: null, restoreDismissed: false, devices: null, devicesError: null });
  });

  it('passes the recovery key to main as typed', async () => {
    const { bridge, security } = setup();
    await security.restore(' EsTx abcd ');
    expect(bridge.callsTo('security:restore')).toEqual([{ recoveryKey: ' EsTx abcd ' }]);
  });
});
