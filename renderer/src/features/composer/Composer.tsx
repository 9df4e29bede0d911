import type { ClipboardEvent, KeyboardEvent, SubmitEvent } from 'react';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { MAX_MESSAGE_LENGTH } from '../../../../shared/ipc/contract.ts';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AttachControls, AttachStatus, filesFromTransfer } from '../media/index.ts';
import { ComposerBanner } from './ComposerBanner.tsx';
import type { ComposerStore } from './composer-store.ts';
import { ROOM_MENTION } from './composer-store.ts';
import type { MentionQuery } from './mention-query.ts';
import { insertMention, mentionQueryAt, roomMentionMatches } from './mention-query.ts';
import type { MentionOption } from './MentionPicker.tsx';
import { MentionPicker, optionId } from './MentionPicker.tsx';
import { typingLine } from './typing-line.ts';

const MAX_ROWS = 8;

/** This member's newest message they may edit, for Up in an empty composer. */
export type EditableMessage = { eventId: string; body: string };

export type ComposerProps = {
  /** A thread panel's composer store; the room's by default. */
  store?: ComposerStore;
  /** Finds the message Up arrow edits (the open timeline knows it). */
  lastEditable?: () => EditableMessage | null;
  /** Offers @room in the picker (the room's notifications.room power level). */
  canMentionRoom?: boolean;
  /** The room's composer attaches files; a thread panel's does not. */
  attachments?: boolean;
  label?: string;
  testId?: string;
};

type Picker = { at: MentionQuery; options: MentionOption[]; active: number };

export const Composer = ({ store, lastEditable, canMentionRoom = false, attachments = true, label, testId = 'composer' }: ComposerProps) => {
  const { t } = useTranslation();
  const stores = useStores();
  const composer = store ?? stores.composer;
  const { media } = stores;
  const roomId = useStore(composer.store, (state) => state.roomId);
  const text = useStore(composer.store, (state) => state.text);
  const sending = useStore(composer.store, (state) => state.sending);
  const error = useStore(composer.store, (state) => state.error);
  const replyTo = useStore(composer.store, (state) => state.replyTo);
  const editing = useStore(composer.store, (state) => state.editing !== null);
  const typingNames = useStore(composer.store, (state) => (roomId === null ? undefined : state.typing[roomId]));
  const rows = Math.min(MAX_ROWS, text.split('\n').length);
  const inputId = useId();
  const pickerId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [picker, setPicker] = useState<Picker | null>(null);
  // Answers to @ queries come back out of order; only the latest one's counts.
  const asked = useRef(0);
  const caretAfter = useRef<number | null>(null);

  // Starting a reply or an edit (from a message's toolbar) puts the member here to type it.
  useEffect(() => {
    if (replyTo !== null || editing) {
      input.current?.focus();
    }
  }, [replyTo, editing]);

  useLayoutEffect(() => {
    if (caretAfter.current !== null && input.current !== null) {
      input.current.setSelectionRange(caretAfter.current, caretAfter.current);
      caretAfter.current = null;
    }
  });

  const findMentions = (value: string, caret: number): void => {
    const at = mentionQueryAt(value, caret);
    asked.current += 1;
    const ticket = asked.current;
    if (at === null) {
      setPicker(null);
      return;
    }
    void composer.mentionCandidates(at.query).then((result) => {
      if (ticket !== asked.current) {
        return;
      }
      const members = result.ok ? result.value.map((candidate) => ({ ...candidate, room: false })) : [];
      const room = canMentionRoom && roomMentionMatches(at.query) ? [{ userId: ROOM_MENTION, name: ROOM_MENTION, initials: '@', room: true }] : [];
      const options = [...members, ...room];
      setPicker(options.length === 0 ? null : { at, options, active: 0 });
    });
  };

  const choose = (option: MentionOption): void => {
    if (picker === null) {
      return;
    }
    const next = insertMention(text, picker.at, option.name);
    if (option.room) {
      composer.chooseRoomMention();
    } else {
      composer.addMention({ userId: option.userId, name: option.name });
    }
    asked.current += 1;
    setPicker(null);
    caretAfter.current = next.caret;
    composer.setText(next.text);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void composer.send();
  };

  const pickerKeys = (event: KeyboardEvent<HTMLTextAreaElement>, open: Picker): boolean => {
    const count = open.options.length;
    switch (event.key) {
      case 'ArrowDown':
        setPicker({ ...open, active: (open.active + 1) % count });
        return true;
      case 'ArrowUp':
        setPicker({ ...open, active: (open.active - 1 + count) % count });
        return true;
      case 'Enter':
      case 'Tab': {
        const option = open.options[open.active];
        if (option !== undefined) {
          choose(option);
        }
        return true;
      }
      case 'Escape':
        asked.current += 1;
        setPicker(null);
        return true;
      default:
        return false;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.nativeEvent.isComposing) {
      return;
    }
    if (picker !== null && pickerKeys(event, picker)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && (editing || replyTo !== null)) {
      event.preventDefault();
      composer.cancel();
      return;
    }
    if (event.key === 'ArrowUp' && text === '' && !editing && lastEditable !== undefined) {
      const last = lastEditable();
      if (last !== null) {
        event.preventDefault();
        composer.startEdit(last.eventId, last.body);
      }
      return;
    }
    // isComposing (above): Enter that confirms an input-method candidate must not send.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void composer.send();
    }
  };

  // A pasted image or file goes to the attachment preview; pasted text is just typing.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    const files = filesFromTransfer(event.clipboardData);
    if (attachments && files.length > 0 && roomId !== null) {
      event.preventDefault();
      media.stage(roomId, files);
    }
  };

  const typing = typingLine(typingNames ?? [], t);
  const activeOption = picker === null ? undefined : optionId(pickerId, picker.active);

  return (
    <form className="composer" onSubmit={submit}>
      <div className="typing-line" data-testid="typing-line" aria-live="polite">
        {typing}
      </div>
      <ErrorAlert code={error} />
      {attachments && <AttachStatus />}
      <ComposerBanner replyTo={replyTo} editing={editing} onCancel={composer.cancel} />
      {picker !== null && <MentionPicker id={pickerId} options={picker.options} active={picker.active} onChoose={choose} />}
      <div className="composer-row">
        {attachments && roomId !== null && <AttachControls roomId={roomId} />}
        <label className="visually-hidden" htmlFor={inputId}>
          {label ?? t('composer.label')}
        </label>
        <textarea
          ref={input}
          id={inputId}
          data-testid={testId}
          rows={rows}
          maxLength={MAX_MESSAGE_LENGTH}
          placeholder={t('composer.placeholder')}
          value={text}
          autoFocus={attachments}
          aria-controls={picker === null ? undefined : pickerId}
          aria-activedescendant={activeOption}
          aria-autocomplete="list"
          onChange={(event) => {
            composer.setText(event.target.value);
            findMentions(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            composer.flush();
            composer.stopTyping();
          }}
        />
        <button type="submit" className="primary" data-testid="composer-send" disabled={sending || text.trim() === ''}>
          {editing ? t('edit.save') : t('composer.send')}
        </button>
      </div>
    </form>
  );
};
