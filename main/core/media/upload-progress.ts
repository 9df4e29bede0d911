/**
 * matrix-js-sdk reports upload progress only through XMLHttpRequest, which Node lacks: its
 * fetch path sends the body in one piece, silently. The account's client is built with
 * `progressFetch` as its fetch; a body registered here with `trackUploadProgress` is then
 * sent as a stream that reports each piece as it goes out. Everything else passes untouched.
 */

const PIECE_BYTES = 64 * 1024;

type Listener = (loaded: number, total: number) => void;

// Keyed by the body object itself: the SDK hands the very object we gave uploadContent to fetch.
const listeners = new WeakMap<object, Listener>();

/** Reports the sending of `body` (the object given to `uploadContent`) to `listener`; call the result to stop. */
export const trackUploadProgress = (body: Uint8Array, listener: Listener): (() => void) => {
  listeners.set(body, listener);
  return () => {
    listeners.delete(body);
  };
};

const streamOf = (bytes: Uint8Array, listener: Listener): ReadableStream<Uint8Array> => {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const end = Math.min(offset + PIECE_BYTES, bytes.length);
      controller.enqueue(bytes.subarray(offset, end));
      offset = end;
      listener(offset, bytes.length);
    },
  });
};

/** A fetch that streams registered upload bodies (with their exact length: Synapse requires Content-Length). */
export const progressFetch =
  (inner?: typeof fetch): typeof fetch =>
  (input, init) => {
    // Looked up per call, not captured: whoever replaces the global fetch (tests) is still used.
    const send = inner ?? globalThis.fetch;
    const body = init?.body;
    const listener = body instanceof Uint8Array ? listeners.get(body) : undefined;
    if (init === undefined || !(body instanceof Uint8Array) || listener === undefined) {
      return send(input, init);
    }
    const headers = new Headers(init.headers);
    headers.set('Content-Length', String(body.length));
    listener(0, body.length);
    // `duplex` is how Node's fetch is told a stream body is sent before the response is read.
    const streamed: RequestInit & { duplex: 'half' } = { ...init, headers, body: streamOf(body, listener), duplex: 'half' };
    return send(input, streamed);
  };
