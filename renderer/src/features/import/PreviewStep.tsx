import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DateOrder, ImportPreview } from '../../../../shared/model/import.ts';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { bytesText, dateText, ownTimeZone, timeZoneChoices, wallClockText } from './format.ts';
import { MappingTable, typedRow, type MappingRow } from './MappingTable.tsx';

const Summary = ({ preview }: { preview: ImportPreview }) => {
  const { t, i18n } = useTranslation();
  const { counts, dateRange } = preview;
  return (
    <dl className="import-summary" data-testid="import-summary">
      <dt>{t('import.preview.file')}</dt>
      <dd>{preview.fileName}</dd>
      {dateRange !== null && (
        <>
          <dt>{t('import.preview.period')}</dt>
          <dd data-testid="import-period">
            {t('import.preview.periodValue', { first: dateText(dateRange.first, i18n.language), last: dateText(dateRange.last, i18n.language) })}
          </dd>
        </>
      )}
      <dt>{t('import.preview.messages')}</dt>
      <dd data-testid="import-count-messages">{t('import.preview.messagesValue', { messages: counts.messages, system: counts.system })}</dd>
      <dt>{t('import.preview.media')}</dt>
      <dd data-testid="import-count-media">
        {t('import.preview.mediaValue', { count: counts.media, size: bytesText(counts.mediaBytes, i18n.language) })}
        {counts.mediaMissing > 0 && ` · ${t('import.preview.mediaMissing', { count: counts.mediaMissing })}`}
      </dd>
      <dt>{t('import.preview.events')}</dt>
      <dd>{t('import.preview.eventsValue', { count: counts.events })}</dd>
    </dl>
  );
};

const Skipped = ({ preview }: { preview: ImportPreview }) => {
  const { t } = useTranslation();
  if (preview.skipped.length === 0) {
    return null;
  }
  return (
    <section className="import-skipped" data-testid="import-skipped">
      <h3>{t('import.preview.skippedTitle')}</h3>
      <ul>
        {preview.skipped.map((group) => (
          <li key={group.reason}>
            {t(`import.skip.${group.reason}`, { count: group.count })}
            {group.examples.length > 0 && <span className="muted"> ({group.examples.join(', ')})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
};

/** When the file does not say whether 03/04 is 3 April or 4 March: the member says, seeing dates read both ways. */
const DateOrderChoice = ({ preview, busy, onPick }: { preview: ImportPreview; busy: boolean; onPick: (order: DateOrder) => void }) => {
  const { t, i18n } = useTranslation();
  const { dateOrder } = preview;
  if (!dateOrder.ambiguous && dateOrder.order !== 'ymd') {
    return <p className="muted">{t(`import.dateOrder.detected.${dateOrder.order}`)}</p>;
  }
  if (!dateOrder.ambiguous) {
    return null;
  }
  return (
    <fieldset className="import-date-order" data-testid="import-date-order">
      <legend>{t('import.dateOrder.question')}</legend>
      {(['dmy', 'mdy'] as const).map((order) => (
        <label key={order}>
          <input
            type="radio"
            name="date-order"
            checked={dateOrder.order === order}
            disabled={busy}
            onChange={() => {
              onPick(order);
            }}
          />
          {t(`import.dateOrder.${order}`)}
          <span className="muted">
            {' '}
            {dateOrder.samples
              .map((sample) => {
                const read = sample[order];
                return read === null ? `${sample.raw} → ?` : `${sample.raw} → ${wallClockText(read, i18n.language)}`;
              })
              .join('; ')}
          </span>
        </label>
      ))}
    </fieldset>
  );
};

export const PreviewStep = () => {
  const { t } = useTranslation();
  const { imports, rooms } = useStores();
  const preview = useStore(imports.store, (state) => state.preview);
  const busy = useStore(imports.store, (state) => state.busy);
  const error = useStore(imports.store, (state) => state.error);
  // The list itself (a stable reference), filtered here: a selector must not make a new array each time.
  const roomList = useStore(rooms.store, (state) => state.rooms);
  const joined = roomList.filter((room) => room.membership === 'join');
  const [timeZone, setTimeZone] = useState(ownTimeZone);
  const [rows, setRows] = useState<Record<string, MappingRow>>({});
  const [targetKind, setTargetKind] = useState<'new' | 'existing'>('new');
  const [roomName, setRoomName] = useState(preview?.groupName ?? '');
  const [roomId, setRoomId] = useState('');
  if (preview === null) {
    return null;
  }

  const check = async (name: string): Promise<void> => {
    const row = rows[name];
    if (row?.state !== 'checking') {
      return;
    }
    const result = await imports.checkUser(row.userId.trim());
    setRows((current) => {
      if (current[name]?.userId !== row.userId) {
        return current;
      }
      return { ...current, [name]: result.ok ? { ...row, state: 'ok', displayName: result.value.displayName } : { ...row, state: result.error.code } };
    });
  };
  const mapping = Object.entries(rows)
    .filter(([, row]) => row.state === 'ok')
    .map(([name, row]) => ({ name, userId: row.userId.trim() }));
  const pendingRows = Object.values(rows).some((row) => row.state !== 'ok' && row.state !== 'empty');
  const targetReady = targetKind === 'new' ? roomName.trim() !== '' : roomId !== '';

  return (
    <form
      className="import-step"
      data-testid="import-preview"
      onSubmit={(event) => {
        event.preventDefault();
        void imports.begin({
          timeZone,
          mapping,
          target: targetKind === 'new' ? { kind: 'new', name: roomName.trim() } : { kind: 'existing', roomId },
        });
      }}
    >
      <Summary preview={preview} />
      <DateOrderChoice preview={preview} busy={busy} onPick={(order) => void imports.setDateOrder(order)} />
      <label className="field">
        <span>{t('import.preview.timeZone')}</span>
        <select
          data-testid="import-time-zone"
          value={timeZone}
          onChange={(event) => {
            setTimeZone(event.target.value);
          }}
        >
          {timeZoneChoices(ownTimeZone()).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <span className="field-hint">{t('import.preview.timeZoneHint')}</span>
      </label>
      <Skipped preview={preview} />
      <section>
        <h3>{t('import.mapping.title')}</h3>
        <p className="muted">{t('import.mapping.intro')}</p>
        <MappingTable
          participants={preview.participants}
          rows={rows}
          onChange={(name, userId) => {
            setRows((current) => ({ ...current, [name]: typedRow(userId) }));
          }}
          onCheck={(name) => void check(name)}
        />
      </section>
      <fieldset className="import-target">
        <legend>{t('import.target.title')}</legend>
        <label>
          <input
            type="radio"
            name="target"
            checked={targetKind === 'new'}
            onChange={() => {
              setTargetKind('new');
            }}
          />
          {t('import.target.new')}
        </label>
        {targetKind === 'new' && (
          <label className="field">
            <span>{t('import.target.name')}</span>
            <input
              data-testid="import-room-name"
              maxLength={255}
              value={roomName}
              onChange={(event) => {
                setRoomName(event.target.value);
              }}
            />
            <span className="field-hint">{t('import.target.newHint')}</span>
          </label>
        )}
        <label>
          <input
            type="radio"
            name="target"
            checked={targetKind === 'existing'}
            disabled={joined.length === 0}
            onChange={() => {
              setTargetKind('existing');
            }}
          />
          {t('import.target.existing')}
        </label>
        {targetKind === 'existing' && (
          <select
            data-testid="import-room-select"
            aria-label={t('import.target.existing')}
            value={roomId}
            onChange={(event) => {
              setRoomId(event.target.value);
            }}
          >
            <option value="">{t('import.target.choose')}</option>
            {joined.map((room) => (
              <option key={room.id} value={room.id}>
                {room.name}
              </option>
            ))}
          </select>
        )}
      </fieldset>
      <p className="muted">{t('import.preview.notice')}</p>
      <ErrorAlert code={error} testId="import-error" />
      <div className="dialog-footer">
        <button type="button" onClick={() => void imports.dropPreview()}>
          {t('import.pickAnother')}
        </button>
        <button type="submit" className="primary" data-testid="import-start" disabled={busy || pendingRows || !targetReady}>
          {busy ? t('import.preview.starting') : t('import.preview.start', { count: preview.counts.events })}
        </button>
      </div>
    </form>
  );
};
