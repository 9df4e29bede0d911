import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CoopOverview } from './CoopOverview.tsx';
import { ProposalPanel } from './ProposalPanel.tsx';

/** The main pane of the Co-op tab: the selected co-op, or one of its proposals. */
export const CoopPane = () => {
  const { t } = useTranslation();
  const { coop } = useStores();
  const selectedRoomId = useStore(coop.store, (state) => state.selectedRoomId);
  const view = useStore(coop.store, (state) => state.view);
  const viewError = useStore(coop.store, (state) => state.viewError);
  const proposalId = useStore(coop.store, (state) => state.proposalId);

  if (selectedRoomId === null) {
    return (
      <div className="no-room">
        <p className="muted">{t('coop.noSelection')}</p>
      </div>
    );
  }
  if (view === null) {
    return (
      <div className="no-room" aria-busy={viewError === null}>
        {viewError === null ? <p className="muted">{t('coop.loadingView')}</p> : <ErrorAlert code={viewError} />}
      </div>
    );
  }
  return proposalId === null ? <CoopOverview view={view} /> : <ProposalPanel key={proposalId} view={view} proposalId={proposalId} />;
};
