import { mkdir } from 'node:fs/promises';
import { RembukError } from '../../shared/ipc/errors.ts';
import type { EventChannel, EventPayload } from '../../shared/ipc/contract.ts';
import type { ConnectionState, SessionView, SignInInput } from '../../shared/model/session.ts';
import { AccountRuntime } from './account-runtime.ts';
import type { AppCore, AppCoreOptions } from './app-core.ts';
import { createHandlers } from './handlers.ts';
import { noContractCheck, strictContractCheck } from './ipc/contract-check.ts';
import { Dispatcher, type Emit } from './ipc/dispatcher.ts';
import { quietGlobalSdkLogger } from './matrix/sdk-logging.ts';
import { signIn } from './matrix/sign-in.ts';
import type { Trust } from './matrix/trust/trust.ts';
import { systemClock } from './ports.ts';
import { SettingsStore } from './profile/settings-store.ts';
import { SessionStore } from './session/session-store.ts';
import type { SavedSession } from './session/session-store.ts';
import { Subscriptions } from './stream/subscriptions.ts';

/** Builds the main-process core: the same object behind the Electron and the loopback transports. */
export const createAppCore = (options: AppCoreOptions): AppCore => {
  const { profileDir, logger } = options;
  const clock = options.clock ?? systemClock;
  const sessions = new SessionStore({ profileDir, secretBox: options.secretBox, logger });
  const settings = new SettingsStore({ profileDir, logger });
  const subscriptions = new Subscriptions();
  const emitters = new Map<string, Emit>();
  let runtime: AccountRuntime | null = null;
  let trust: Trust | null = null;
  let connection: ConnectionState = { state: 'signedOut' };
  // Sign-in and sign-out must not interleave: one finishes before the next begins.
  let sessionChange: Promise<unknown> = Promise.resolve();

  const broadcast = <C extends EventChannel>(channel: C, payload: EventPayload<C>): void => {
    for (const emit of emitters.values()) {
      emit(channel, payload);
    }
  };
  const setConnection = (state: ConnectionState): void => {
    connection = state;
    broadcast('connection:changed', state);
  };

  /** `password` only right after a sign-in: the first device's cross-signing setup may need it (trust/password-hold.ts). */
  const run = (session: SavedSession, password: string | null = null): Promise<void> => {
    const next = new AccountRuntime({
      session,
      profileDir,
      logger,
      clock,
      mediaUrlBase: options.mediaUrlBase,
      listeners: {
        changed: (roomId) => {
          subscriptions.invalidate(roomId);
        },
        connection: (state) => {
          if (runtime === next) {
            setConnection(state);
          }
        },
        ready: () => {
          // The display name is known only once the first sync is in.
          if (runtime === next) {
            broadcast('session:changed', next.account.view());
            nextTrust.ready();
          }
        },
        coopChanged: (roomId) => {
          if (runtime === next) {
            broadcast('coop:changed', { roomId });
          }
        },
        coopNotice: (notice) => {
          if (runtime === next) {
            broadcast('coop:notice', notice);
          }
        },
        importChanged: (job) => {
          if (runtime === next) {
            broadcast('import:changed', job);
          }
        },
        mediaProgress: (progress) => {
          if (runtime === next) {
            broadcast('media:progress', progress);
          }
        },
        typing: (roomId, names) => {
          if (runtime === next) {
            broadcast('typing:changed', { roomId, names });
          }
        },
        loggedOut: () => {
          logger.warn('the homeserver ended this session');
          void serialised(() => endSession(false));
        },
      },
    });
    const nextTrust = next.gateway.trust({
      logger,
      signInPassword: password,
      listeners: {
        security: (view) => {
          if (trust === nextTrust) {
            broadcast('security:changed', view);
          }
        },
        verifications: (views) => {
          if (trust === nextTrust) {
            broadcast('verification:changed', views);
          }
        },
      },
    });
    runtime = next;
    trust = nextTrust;
    broadcast('session:changed', next.account.view());
    subscriptions.resetAll();
    // Syncing goes on in the background: the window opens (and shows progress) meanwhile.
    next.start().catch((error: unknown) => {
      logger.error('the Matrix client did not start', error);
      if (runtime === next) {
        setConnection({ state: 'offline', since: clock.now() });
      }
    });
    return Promise.resolve();
  };

  const endSession = async (tellServer: boolean): Promise<void> => {
    const current = runtime;
    runtime = null;
    trust?.stop();
    trust = null;
    if (current !== null) {
      if (tellServer) {
        try {
          await current.account.logout();
        } catch (error) {
          // Signing out must work offline too: the local data goes regardless.
          logger.warn('server-side logout failed', error);
        }
      }
      await current.stop();
    }
    await sessions.clear();
    await AccountRuntime.removeSessionData(profileDir);
    setConnection({ state: 'signedOut' });
    broadcast('session:changed', null);
    subscriptions.resetAll();
  };

  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const result = sessionChange.then(work);
    sessionChange = result.catch(() => undefined);
    return result;
  };

  const dispatcher = new Dispatcher(
    createHandlers({
      runtime: () => runtime,
      trust: () => trust,
      connectionState: () => connection,
      settings,
      subscriptions,
      saveDialog: options.saveDialog ?? null,
      signIn: (input: SignInInput) =>
        serialised(async (): Promise<SessionView> => {
          if (runtime !== null) {
            throw new RembukError('already_signed_in');
          }
          const session = await signIn(input, logger);
          // A new sign-in is a new device: whatever an earlier session left is not its to read.
          await AccountRuntime.removeSessionData(profileDir);
          await sessions.save(session);
          await run(session, input.password);
          return (runtime as AccountRuntime | null)?.account.view() ?? Promise.reject(new RembukError('internal'));
        }),
      signOut: () => serialised(() => endSession(true)),
    }),
    logger,
    options.checkContract === true ? strictContractCheck : noContractCheck,
  );
  dispatcher.addConnectionListener({
    onClose: (connectionId) => {
      emitters.delete(connectionId);
      subscriptions.closeConnection(connectionId);
    },
  });

  /** Opens the saved session, if there is one; requests wait for this (see connect). */
  const startUp = async (): Promise<void> => {
    await quietGlobalSdkLogger();
    await mkdir(profileDir, { recursive: true, mode: 0o700 });
    const saved = await sessions.load();
    if (saved !== null) {
      logger.info(`restoring session of ${saved.userId}`);
      try {
        await serialised(() => run(saved));
      } catch (error) {
        // The device store would not open (say, a key that no longer matches): stay signed
        // out and leave the files as they are; only a new sign-in replaces them.
        logger.error('could not open the saved session; signing in again is needed', error);
        runtime = null;
      }
    }
  };
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });

  return {
    start: async () => {
      try {
        await startUp();
      } finally {
        markStarted();
      }
    },
    connect: (emit, label) => {
      const conn = dispatcher.connect(emit, label);
      emitters.set(conn.id, dispatcher.checkEvents(emit));
      // A window may connect while the saved session is still being opened; its requests
      // wait for that instead of seeing "signed out" for a moment.
      return {
        ...conn,
        handle: async (channel, input) => {
          await started;
          return conn.handle(channel, input);
        },
      };
    },
    serveMedia: (token, request) =>
      runtime === null ? Promise.resolve({ status: 404, headers: { 'Cache-Control': 'no-store' }, body: null }) : runtime.media.server.serve(token, request),
    shutdown: async () => {
      await sessionChange;
      subscriptions.flush();
      const current = runtime;
      runtime = null;
      trust?.stop();
      trust = null;
      await current?.stop();
    },
  };
};
