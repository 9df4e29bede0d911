import { useTranslation } from 'react-i18next';
import type { TrustState } from '../../../shared/model/security.ts';
import type { Icon as IconType } from './icons.ts';
import { UnknownTrustIcon, UnverifiedIcon, VerifiedIcon } from './icons.ts';

const ICON: Record<TrustState, IconType> = { verified: VerifiedIcon, unverified: UnverifiedIcon, unknown: UnknownTrustIcon };

/** Whether a device or member is verified, as a small labelled badge. */
export const TrustBadge = ({ state, testId }: { state: TrustState; testId?: string }) => {
  const { t } = useTranslation();
  const Icon = ICON[state];
  return (
    <span className={`trust-badge trust-${state}`} data-testid={testId} data-verified={state}>
      <Icon className="icon-lead" />
      {t(`security.${state}`)}
    </span>
  );
};
