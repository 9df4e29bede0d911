import { useTranslation } from 'react-i18next';
import type { ImportedFrom } from '../../../../shared/model/timeline.ts';
import { fullTime } from '../../lib/format-time.ts';

const shortDateTime = (ts: number, locale: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ts);

/**
 * "Imported from WhatsApp" and the original time, on a message brought over by an import.
 * Who actually sent it is in the title: the block is that member's word, not WhatsApp's.
 */
export const ImportedBadge = ({ imported }: { imported: ImportedFrom }) => {
  const { t, i18n } = useTranslation();
  return (
    <span className="imported-badge" data-testid="imported-badge" title={t('import.badge.by', { name: imported.importedBy })}>
      <span>{t('import.badge.label')}</span>{' '}
      <time dateTime={new Date(imported.ts).toISOString()} data-testid="imported-time" title={fullTime(imported.ts, i18n.language)}>
        {shortDateTime(imported.ts, i18n.language)}
      </time>
    </span>
  );
};
