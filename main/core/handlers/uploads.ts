import type { HandlerDeps } from './handler-deps.ts';
import type { Handlers } from '../ipc/dispatcher.ts';
import { signedIn } from './signed-in.ts';

type UploadChannel = `upload:${'begin' | 'chunk' | 'abort'}`;

/** Files from the renderer to main, chunk by chunk; `media:send` and the import take them. */
export const uploadHandlers = (deps: HandlerDeps): Pick<Handlers, UploadChannel> => ({
  'upload:begin': async (input) => ({ uploadId: await signedIn(deps).uploads.begin(input) }),
  'upload:chunk': async (input) => ({
    // The contract checked it is base64 of at most UPLOAD_CHUNK_BYTES.
    received: await signedIn(deps).uploads.chunk(input.uploadId, input.offset, Buffer.from(input.data, 'base64')),
  }),
  'upload:abort': async (input) => {
    await signedIn(deps).uploads.abort(input.uploadId);
    return null;
  },
});
