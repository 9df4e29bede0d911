import type { ClipboardEvent, KeyboardEvent, SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { MAX_MESSAGE_LENGTH } from '../../../../shared/ipc/contract.ts';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AttachControls, AttachStatus, filesFromTransfer } from '../media/index.ts';

const MAX_ROWS = 8;

export const Composer = () => {
  const { t } = useTranslation();
  const { composer, media } = useStores();
  const roomId = useStore(composer.store, (state) => state.roomId);
  const text = useStore(composer.store, (state) => state.text);
  const sending = useStore(composer.store, (state) => state.sending);
  const error = useStore(composer.store, (state) => state.error);
  const rows = Math.min(MAX_ROWS, text.split('\n').length);

  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void composer.send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    // isComposing: Enter that confirms an input-method candidate must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void composer.send();
    }
  };

  // A pasted image or file goes to the attachment preview; pasted text is just typing.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    const files = filesFromTransfer(event.clipboardData);
    if (files.length > 0 && roomId !== null) {
      event.preventDefault();
      media.stage(roomId, files);
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <ErrorAlert code={error} />
      <AttachStatus />
      <div className="composer-row">
        {roomId !== null && <AttachControls roomId={roomId} />}
        <label className="visually-hidden" htmlFor="composer-input">
          {t('composer.label')}
        </label>
        <textarea
          id="composer-input"
          data-testid="composer"
          rows={rows}
          maxLength={MAX_MESSAGE_LENGTH}
          placeholder={t('composer.placeholder')}
          value={text}
          autoFocus
          onChange={(event) => {
            composer.setText(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={composer.flush}
        />
        <button type="submit" className="primary" data-testid="composer-send" disabled={sending || text.trim() === ''}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
};
