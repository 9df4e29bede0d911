import { describe, expect, it } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { AccountRuntime } from '../account-runtime.ts';
import type { HandlerDeps } from './handler-deps.ts';
import type { RequestContext } from '../ipc/dispatcher.ts';
import { mediaHandlers } from './media.ts';

const context: RequestContext = { connectionId: 'c', emit: () => undefined };

const deps = (options: { choose?: (name: string) => Promise<string | null>; filename?: string | null }) => {
  const saved: [string, string][] = [];
  const runtime = {
    media: {
      server: {
        filenameOf: () => (options.filename === undefined ? 'laporan.pdf' : options.filename),
        save: (itemId: string, target: string) => {
          saved.push([itemId, target]);
          return Promise.resolve();
        },
        cancelDownload: () => false,
      },
      sender: { cancel: () => Promise.resolve(false) },
    },
  } as unknown as AccountRuntime;
  const handlerDeps = {
    runtime: () => runtime,
    saveDialog: options.choose === undefined ? null : { choose: options.choose },
  } as unknown as HandlerDeps;
  return { handlers: mediaHandlers(handlerDeps), saved };
};

const codeOf = async (work: Promise<unknown>): Promise<string> =>
  work.then(
    () => 'resolved',
    (error: unknown) => (error instanceof RembukError ? error.code : 'other'),
  );

describe('media:save', () => {
  it('asks the save dialog with the file name and writes where the member chose', async () => {
    const asked: string[] = [];
    const { handlers, saved } = deps({
      choose: (name) => {
        asked.push(name);
        return Promise.resolve('/home/a/laporan.pdf');
      },
    });
    expect(await handlers['media:save']({ itemId: '$e' }, context)).toEqual({ saved: true });
    expect(asked).toEqual(['laporan.pdf']);
    expect(saved).toEqual([['$e', '/home/a/laporan.pdf']]);
  });

  it('saves nothing when the member cancels the dialog', async () => {
    const { handlers, saved } = deps({ choose: () => Promise.resolve(null) });
    expect(await handlers['media:save']({ itemId: '$e' }, context)).toEqual({ saved: false });
    expect(saved).toEqual([]);
  });

  it('is media_unsupported without a dialog (loopback), and message_not_found for an unknown item', async () => {
    expect(await codeOf(deps({}).handlers['media:save']({ itemId: '$e' }, context))).toBe('media_unsupported');
    expect(await codeOf(deps({ choose: () => Promise.resolve('/x'), filename: null }).handlers['media:save']({ itemId: '$e' }, context))).toBe(
      'message_not_found',
    );
  });
});

describe('media:cancel', () => {
  it('changes nothing and answers null for an item with nothing on its way', async () => {
    expect(await deps({}).handlers['media:cancel']({ itemId: '$e' }, context)).toBeNull();
  });
});
