/** Records a voice note with the microphone, as Ogg/Opus where the browser can (WebM/Opus otherwise). */
export type Recording = { stop(): Promise<{ file: File; durationMs: number } | null>; cancel(): void };

const TYPES = ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus', 'audio/webm'];

/** Whether this window can record at all (a browser with MediaRecorder and a microphone API). */
export const canRecord = (): boolean =>
  typeof MediaRecorder !== 'undefined' && typeof (navigator.mediaDevices as MediaDevices | undefined)?.getUserMedia === 'function';

export const startRecording = async (now: () => number = Date.now): Promise<Recording> => {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
  const recorder = new MediaRecorder(stream, mimeType === '' ? {} : { mimeType });
  const chunks: Blob[] = [];
  const started = now();
  recorder.ondataavailable = (event) => {
    chunks.push(event.data);
  };
  const release = (): void => {
    for (const track of stream.getTracks()) {
      track.stop();
    }
  };
  recorder.start();
  return {
    stop: () =>
      new Promise((resolve) => {
        recorder.onstop = () => {
          release();
          const type = (recorder.mimeType || mimeType).split(';')[0] ?? 'audio/ogg';
          const extension = type.includes('webm') ? 'webm' : 'ogg';
          const durationMs = now() - started;
          resolve(
            chunks.length === 0
              ? null
              : { file: new File(chunks, `voice-${new Date(started).toISOString().replace(/[:.]/g, '-')}.${extension}`, { type }), durationMs },
          );
        };
        recorder.stop();
      }),
    cancel: () => {
      recorder.onstop = release;
      recorder.stop();
    },
  };
};
