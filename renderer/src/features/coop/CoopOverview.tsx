import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CoopView } from '../../../../shared/model/coop.ts';
import { useStores } from '../../lib/stores-context.ts';
import { BackToListButton } from '../../ui/BackToListButton.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { MatrixIdDialog } from '../../ui/MatrixIdDialog.tsx';
import { CharterSection } from './CharterSection.tsx';
import { pickName } from './format.ts';
import { MembersSection } from './MembersSection.tsx';
import { NewProposalDialog } from './NewProposalDialog.tsx';
import { ProposalList } from './ProposalList.tsx';

type OpenDialog = 'none' | 'invite' | 'propose';

/** One co-op: its proposals, its charter in plain words, and its members by class. */
export const CoopOverview = ({ view }: { view: CoopView }) => {
  const { t, i18n } = useTranslation();
  const { coop } = useStores();
  const viewError = useStore(coop.store, (state) => state.viewError);
  const [dialog, setDialog] = useState<OpenDialog>('none');
  const proposalsId = useId();
  const charterId = useId();
  const membersId = useId();
  const close = (): void => {
    setDialog('none');
  };

  return (
    <section className="coop-view" data-testid="coop-view" data-room-id={view.roomId} aria-label={view.name}>
      <header className="room-header">
        <BackToListButton
          onClick={() => {
            coop.select(null);
          }}
        />
        <div className="room-header-text">
          <h2 data-testid="coop-view-name">{view.name}</h2>
          <p className="muted room-header-sub">
            {t('coop.view.charterVersion', { name: pickName(view.charter.name, i18n.language), version: view.charter.version })}
          </p>
        </div>
        {view.canInvite && (
          <button
            type="button"
            data-testid="coop-invite-member"
            onClick={() => {
              setDialog('invite');
            }}
          >
            {t('coop.view.invite')}
          </button>
        )}
        {view.canPropose && (
          <button
            type="button"
            className="primary"
            data-testid="proposal-new"
            onClick={() => {
              setDialog('propose');
            }}
          >
            {t('coop.view.newProposal')}
          </button>
        )}
      </header>
      <div className="coop-scroll">
        <ErrorAlert code={viewError} />
        <section className="coop-section" aria-labelledby={proposalsId}>
          <h3 id={proposalsId}>{t('coop.view.proposals')}</h3>
          <ProposalList view={view} onOpen={coop.openProposal} />
        </section>
        <section className="coop-section" aria-labelledby={charterId}>
          <h3 id={charterId}>{t('coop.view.charter')}</h3>
          <CharterSection charter={view.charter} />
        </section>
        <section className="coop-section" aria-labelledby={membersId}>
          <h3 id={membersId}>{t('coop.view.members')}</h3>
          <MembersSection view={view} />
        </section>
      </div>
      {dialog === 'invite' && (
        <MatrixIdDialog
          title={t('coop.invite.title', { coop: view.name })}
          label={t('coop.invite.user')}
          fieldTestId="coop-invite-user"
          submitTestId="coop-invite-submit"
          submitLabel={t('coop.invite.submit')}
          busyLabel={t('coop.invite.busy')}
          onSubmit={(userId) => coop.invite(view.roomId, userId)}
          onClose={close}
        />
      )}
      {dialog === 'propose' && <NewProposalDialog view={view} onClose={close} />}
    </section>
  );
};
