import type { App, AppDeps } from '../app/create-app.ts';
import { createApp } from '../app/create-app.ts';
import type { TransportStatus } from '../lib/loopback-bridge.ts';
import type { FakeBridge } from './fake-bridge.ts';

/** The real store wiring on a fake bridge, for component tests. */
export const createTestApp = (bridge: FakeBridge, status: TransportStatus = 'open', extra: Partial<AppDeps> = {}): App =>
  createApp({
    transport: { bridge, status: () => status, onStatus: () => () => undefined },
    systemLanguages: () => ['id-ID'],
    applyLanguage: () => undefined,
    isFocused: () => true,
    ...extra,
  });
