import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { CoopMember, CoopView } from '../../../../shared/model/coop.ts';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { bpsPercent, pickName } from './format.ts';

type Group = { id: string | null; name: string; members: CoopMember[] };

/** Members under each class of the charter, then those in no (known) class. */
const groupByClass = (view: CoopView, language: string, unassigned: string): Group[] => {
  const known = new Set(view.charter.classes.map((cls) => cls.id));
  const groups: Group[] = view.charter.classes.map((cls) => ({
    id: cls.id,
    name: `${pickName(cls.name, language)} · ${bpsPercent(cls.weightBps, language)} %`,
    members: view.members.filter((member) => member.classId === cls.id),
  }));
  groups.push({ id: null, name: unassigned, members: view.members.filter((member) => member.classId === null || !known.has(member.classId)) });
  return groups;
};

type MemberRowProps = { member: CoopMember; view: CoopView };

const MemberRow = ({ member, view }: MemberRowProps) => {
  const { t, i18n } = useTranslation();
  const { coop } = useStores();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const run = async (work: () => Promise<IpcResult<null>>): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.code);
    }
  };
  const assign = (classId: string | null): Promise<void> => run(() => coop.assignClass(view.roomId, member.userId, classId));

  return (
    <li className="device-row coop-member-row" data-testid="coop-member-row" data-user-id={member.userId} data-class-id={member.classId ?? ''}>
      <span className="device-text">
        <span className="device-name">{member.displayName}</span>
        <span className="muted device-id">
          {member.userId}
          {member.membership === 'invite' && <span className="tag">{t('coop.members.invited')}</span>}
          {member.membership === 'leave' && <span className="tag">{t('coop.members.left')}</span>}
          {member.secretary && (
            <span className="tag" data-testid="coop-member-secretary">
              {t('coop.members.secretary')}
            </span>
          )}
        </span>
      </span>
      {view.canAppointSecretaries && member.membership === 'join' && (
        <label className="member-secretary-toggle">
          <input
            type="checkbox"
            data-testid="coop-member-secretary-toggle"
            checked={member.secretary}
            disabled={busy}
            onChange={(event) => {
              const secretary = event.target.checked;
              void run(() => coop.setSecretary(view.roomId, member.userId, secretary));
            }}
          />
          {t('coop.members.secretaryToggle')}
        </label>
      )}
      {view.canManageRegistry && (
        <select
          className="member-class-select"
          data-testid="coop-member-class"
          aria-label={t('coop.members.classOf', { name: member.displayName })}
          value={member.classId ?? ''}
          disabled={busy}
          onChange={(event) => {
            void assign(event.target.value === '' ? null : event.target.value);
          }}
        >
          <option value="">{t('coop.members.noClass')}</option>
          {view.charter.classes.map((cls) => (
            <option key={cls.id} value={cls.id}>
              {pickName(cls.name, i18n.language)}
            </option>
          ))}
        </select>
      )}
      <ErrorAlert code={error} />
    </li>
  );
};

export const MembersSection = ({ view }: { view: CoopView }) => {
  const { t, i18n } = useTranslation();
  const groups = groupByClass(view, i18n.language, t('coop.members.unassigned'));
  return (
    <div className="coop-members" data-testid="coop-members">
      {groups.map((group) => (
        <div key={group.id ?? ''} className="member-group" data-testid="coop-member-group" data-class-id={group.id ?? ''}>
          <h4>
            {group.name} <span className="muted">({group.members.length})</span>
          </h4>
          {group.members.length === 0 ? (
            <p className="muted small-text">{t('coop.members.none')}</p>
          ) : (
            <ul className="member-list">
              {group.members.map((member) => (
                <MemberRow key={member.userId} member={member} view={view} />
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
};
