import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { AppCore } from '../../core/app-core.ts';
import type { Connection, Emit } from '../../core/ipc/dispatcher.ts';
import type { Logger } from '../../core/ports.ts';
import type { IpcResult } from '../../../shared/ipc/errors.ts';
import { EVENT, HELLO, INVOKE } from './ipc-names.ts';
import { isTrustedSender } from './sender-policy.ts';
import { urlForLog } from '../windows/url-policy.ts';

export type IpcHost = {
  /** Lets this window's renderer talk to the core. Call before its page loads. */
  attach(contents: WebContents): void;
  /** Stops answering and closes every connection; before `core.shutdown()`. */
  dispose(): void;
};

const FORBIDDEN: IpcResult<never> = { ok: false, error: { code: 'forbidden' } };

/**
 * The Electron transport for the core. One `ipcMain.handle` for every request: check
 * the sender, then hand channel and input, untouched, to the core connection, whose
 * dispatcher validates them (size, channel, zod schema).
 *
 * One connection per *document*, not per window: a reload must not inherit the old
 * page's subscriptions, and its events must not go to the new page. Each new document's
 * preload sends HELLO before the page can invoke anything (both ride the same ordered
 * IPC pipe), and main swaps in a fresh connection then. Navigation events were the
 * alternative, but `did-start-navigation` also fires for navigations the guards then
 * cancel, which would cut off a page that stays.
 */
export const registerIpc = (core: AppCore, logger: Logger): IpcHost => {
  const windows = new Map<number, WebContents>();
  const connections = new Map<number, Connection>();

  const closeConnection = (contentsId: number): void => {
    connections.get(contentsId)?.close();
    connections.delete(contentsId);
  };

  const emitTo =
    (contents: WebContents): Emit =>
    (channel, payload) => {
      if (contents.isDestroyed()) {
        return;
      }
      try {
        contents.send(EVENT, channel, payload);
      } catch (error) {
        // A payload that cannot be cloned is a core bug; it must not break the core's loop.
        logger.error(`could not send ${channel} to window ${contents.id}`, error);
      }
    };

  const openConnection = (contents: WebContents): Connection => {
    closeConnection(contents.id);
    const connection = core.connect(emitTo(contents), `window-${contents.id}`);
    connections.set(contents.id, connection);
    return connection;
  };

  const isTrusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const contents = event.sender;
    let frameUrl: string | null = null;
    let isMainFrame = false;
    try {
      const frame = event.senderFrame;
      const main = contents.mainFrame;
      if (frame !== null && !frame.detached) {
        frameUrl = frame.url;
        isMainFrame = frame.parent === null && frame.processId === main.processId && frame.frameToken === main.frameToken;
      }
    } catch {
      // A frame disposed while we looked: treat it as gone.
      frameUrl = null;
    }
    const trusted = isTrustedSender({ frameUrl, isMainFrame, fromOurWindow: windows.get(contents.id) === contents });
    if (!trusted) {
      logger.warn(`refused IPC from ${frameUrl === null ? 'a gone frame' : urlForLog(frameUrl)} in webContents ${contents.id}`);
    }
    return trusted;
  };

  const onHello = (event: IpcMainEvent): void => {
    if (isTrusted(event)) {
      openConnection(event.sender);
    }
  };
  ipcMain.on(HELLO, onHello);

  ipcMain.handle(INVOKE, async (event, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
    if (!isTrusted(event)) {
      return FORBIDDEN;
    }
    // Normally HELLO opened it; this covers a preload that could not say hello.
    const connection = connections.get(event.sender.id) ?? openConnection(event.sender);
    return connection.handle(channel, input);
  });

  return {
    attach: (contents) => {
      const id = contents.id;
      windows.set(id, contents);
      contents.on('render-process-gone', () => {
        closeConnection(id);
      });
      contents.once('destroyed', () => {
        closeConnection(id);
        windows.delete(id);
      });
    },
    dispose: () => {
      ipcMain.removeHandler(INVOKE);
      ipcMain.removeListener(HELLO, onHello);
      for (const id of [...connections.keys()]) {
        closeConnection(id);
      }
    },
  };
};
