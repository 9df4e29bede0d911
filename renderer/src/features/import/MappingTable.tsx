import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import type { ImportPreview } from '../../../../shared/model/import.ts';
import { isUserId } from '../../lib/user-ids.ts';

/** One WhatsApp name's Matrix ID as typed, and what main said of it. */
export type MappingRow = { userId: string; state: 'empty' | 'checking' | 'ok' | 'invalid' | ErrorCode; displayName?: string };

export type MappingTableProps = {
  participants: ImportPreview['participants'];
  rows: Readonly<Record<string, MappingRow>>;
  onChange: (name: string, userId: string) => void;
  onCheck: (name: string) => void;
};

/** WhatsApp names → Rembuk members; a name left empty stays a name. */
export const MappingTable = ({ participants, rows, onChange, onCheck }: MappingTableProps) => {
  const { t } = useTranslation();
  const note = (row: MappingRow | undefined): string | null => {
    if (row === undefined) {
      return t('import.mapping.keepName');
    }
    switch (row.state) {
      case 'empty':
        return t('import.mapping.keepName');
      case 'checking':
        return t('import.mapping.checking');
      case 'ok':
        return t('import.mapping.found', { name: row.displayName ?? row.userId });
      case 'invalid':
        return t('import.mapping.invalid');
      default:
        return t(`errors.${row.state}`);
    }
  };
  return (
    <table className="import-mapping" data-testid="import-mapping">
      <thead>
        <tr>
          <th scope="col">{t('import.mapping.whatsappName')}</th>
          <th scope="col">{t('import.mapping.messages')}</th>
          <th scope="col">{t('import.mapping.member')}</th>
        </tr>
      </thead>
      <tbody>
        {participants.map(({ name, messageCount }) => {
          const row = rows[name];
          const bad = row !== undefined && row.state !== 'ok' && row.state !== 'empty' && row.state !== 'checking';
          return (
            <tr key={name} data-testid="import-mapping-row">
              <th scope="row">{name}</th>
              <td>{messageCount}</td>
              <td>
                <input
                  type="text"
                  aria-label={t('import.mapping.memberFor', { name })}
                  aria-invalid={bad}
                  placeholder="@nama:server"
                  spellCheck={false}
                  autoCapitalize="none"
                  value={row?.userId ?? ''}
                  onChange={(event) => {
                    onChange(name, event.target.value);
                  }}
                  onBlur={() => {
                    onCheck(name);
                  }}
                />
                <span className={bad ? 'field-hint error-text' : 'field-hint'}>{note(row)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};

/** The row for what the member typed, before main is asked. */
export const typedRow = (userId: string): MappingRow => {
  const trimmed = userId.trim();
  return { userId, state: trimmed === '' ? 'empty' : isUserId(trimmed) ? 'checking' : 'invalid' };
};
