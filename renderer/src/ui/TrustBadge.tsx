import { useTranslation } from 'react-i18next';
import type { TrustState } from '../../../shared/model/security.ts';

const ICON: Record<TrustState, string> = { verified: '✓', unverified: '!', unknown: '·' };

/** Whether a device or member is verified, as a small labelled badge. */
export const TrustBadge = ({ state, testId }: { state: TrustState; testId?: string }) => {
  const { t } = useTranslation();
  return (
    <span className={`trust-badge trust-${state}`} data-testid={testId} data-verified={state}>
      <span aria-hidden="true">{ICON[state]}</span> {t(`security.${state}`)}
    </span>
  );
};
