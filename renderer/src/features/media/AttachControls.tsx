import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { AttachIcon, AudioFileIcon, MicIcon, StopIcon } from '../../ui/icons.ts';
import { MediaError } from './MediaError.tsx';
import { TransferBar } from './TransferBar.tsx';
import { canRecord, startRecording, type Recording } from './voice-recorder.ts';

/**
 * The composer's attachment controls: a file picker, a picker for audio files to send as
 * voice notes, and (where the window may use a microphone) a record button. Picked files
 * go to the preview.
 */
export const AttachControls = ({ roomId }: { roomId: string }) => {
  const { t } = useTranslation();
  const { media } = useStores();
  const files = useRef<HTMLInputElement>(null);
  const voice = useRef<HTMLInputElement>(null);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [recordError, setRecordError] = useState(false);
  const [seconds, setSeconds] = useState(0);

  useEffect(() => {
    void media.loadConfig();
  }, [media]);

  useEffect(() => {
    if (recording === null) {
      return undefined;
    }
    const started = Date.now();
    const timer = setInterval(() => {
      setSeconds(Math.floor((Date.now() - started) / 1000));
    }, 500);
    return () => {
      clearInterval(timer);
    };
  }, [recording]);

  // A recording left running when the room closes must not keep the microphone.
  useEffect(() => () => recording?.cancel(), [recording]);

  const picked = (input: HTMLInputElement | null, asVoice: boolean): void => {
    const list = input?.files;
    if (input === null || list === null || list === undefined) {
      return;
    }
    media.stage(roomId, [...list], { voice: asVoice });
    // The same file picked again must fire `change` again.
    input.value = '';
  };

  const record = async (): Promise<void> => {
    if (recording !== null) {
      const result = await recording.stop();
      setRecording(null);
      if (result !== null) {
        media.stage(roomId, [result.file], { voice: true, durationMs: result.durationMs });
      }
      return;
    }
    setRecordError(false);
    try {
      setSeconds(0);
      setRecording(await startRecording());
    } catch {
      setRecordError(true);
    }
  };

  return (
    <div className="attach">
      {recordError && (
        <p className="error-text" role="alert">
          {t('media.recordFailed')}
        </p>
      )}
      <div className="attach-buttons">
        <button
          type="button"
          className="icon-button"
          data-testid="attach"
          aria-label={t('media.attach')}
          title={t('media.attach')}
          onClick={() => files.current?.click()}
        >
          <AttachIcon />
        </button>
        <input
          ref={files}
          type="file"
          multiple
          hidden
          data-testid="attach-input"
          onChange={(event) => {
            picked(event.target, false);
          }}
        />
        <button
          type="button"
          className="icon-button"
          data-testid="attach-voice"
          aria-label={t('media.voiceFile')}
          title={t('media.voiceFile')}
          onClick={() => voice.current?.click()}
        >
          <AudioFileIcon />
        </button>
        <input
          ref={voice}
          type="file"
          accept="audio/*,.opus,.ogg,.oga,.m4a"
          hidden
          data-testid="voice-input"
          onChange={(event) => {
            picked(event.target, true);
          }}
        />
        {canRecord() && (
          <button
            type="button"
            className={recording === null ? 'icon-button' : 'icon-button recording'}
            data-testid="record-voice"
            aria-pressed={recording !== null}
            aria-label={recording === null ? t('media.record') : t('media.stopRecording')}
            title={recording === null ? t('media.record') : t('media.stopRecording')}
            onClick={() => void record()}
          >
            {recording === null ? (
              <MicIcon />
            ) : (
              <>
                <StopIcon className="icon-lead" />
                {t('media.recording', { seconds })}
              </>
            )}
          </button>
        )}
      </div>
    </div>
  );
};

/** Above the composer: what went wrong with an attachment, and files still on their way to main. */
export const AttachStatus = () => {
  const { media } = useStores();
  const preparing = useStore(media.store, (state) => state.preparing);
  const error = useStore(media.store, (state) => state.error);
  const staged = useStore(media.store, (state) => state.staged !== null);
  return (
    <div className="attach-status">
      {!staged && <MediaError error={error} onDismiss={media.clearError} />}
      {preparing.map((entry) => (
        <TransferBar
          key={entry.key}
          phase="preparing"
          name={entry.name}
          loaded={entry.loaded}
          total={entry.total}
          onCancel={() => {
            media.cancelPreparing(entry.key);
          }}
        />
      ))}
    </div>
  );
};
