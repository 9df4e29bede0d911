import { RembukError } from '../../../shared/ipc/errors.ts';
import type { HandlerDeps } from './handler-deps.ts';
import type { Handlers } from '../ipc/dispatcher.ts';
import { signedIn } from './signed-in.ts';

type MediaChannel = `media:${'config' | 'send' | 'retry' | 'cancel' | 'save'}`;

/** Attachments: the server's limit, sending, retrying, cancelling, and saving through main's dialog. */
export const mediaHandlers = (deps: HandlerDeps): Pick<Handlers, MediaChannel> => ({
  'media:config': async () => ({ maxUploadBytes: await signedIn(deps).media.maxUploadBytes() }),
  'media:send': async (input) => ({ itemId: await signedIn(deps).media.sender.send(input) }),
  'media:retry': (input) => {
    signedIn(deps).media.sender.retry(input.roomId, input.itemId);
    return Promise.resolve(null);
  },
  'media:cancel': async (input) => {
    const { media } = signedIn(deps);
    // An upload of ours, else a download; neither (it just finished) changes nothing.
    if (!(await media.sender.cancel(input.itemId))) {
      media.server.cancelDownload(input.itemId);
    }
    return null;
  },
  'media:save': async (input) => {
    const { media } = signedIn(deps);
    const dialog = deps.saveDialog;
    if (dialog === null) {
      throw new RembukError('media_unsupported', 'no save dialog on this transport');
    }
    const filename = media.server.filenameOf(input.itemId);
    if (filename === null) {
      throw new RembukError('message_not_found');
    }
    const target = await dialog.choose(filename);
    if (target === null) {
      return { saved: false };
    }
    await media.server.save(input.itemId, target);
    return { saved: true };
  },
});
