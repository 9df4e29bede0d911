import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { LocationIcon } from '../../ui/icons.ts';

const GEO = /^geo:(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)/iu;

/**
 * An OpenStreetMap page for a `geo:` URI. The window hands only http(s) to the OS, and no
 * map tiles are fetched here: the member decides to open it.
 */
export const mapUrl = (geoUri: string): string | null => {
  const match = GEO.exec(geoUri);
  if (match === null) {
    return null;
  }
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return null;
  }
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
};

export const LocationItem = ({ item }: { item: Extract<TimelineItem, { kind: 'location' }> }) => {
  const { t } = useTranslation();
  const url = mapUrl(item.geoUri);
  return (
    <div className={item.own ? 'message location own' : 'message location other'} data-testid="timeline-item" data-item-id={item.id} data-kind="location">
      {!item.own && <div className="message-sender">{item.senderName}</div>}
      <div className="bubble">
        <div className="message-body">
          <LocationIcon className="icon-lead" aria-hidden="true" />
          {item.body}
        </div>
        {url !== null && (
          <a href={url} target="_blank" rel="noopener noreferrer" data-testid="location-link">
            {t('location.open')}
          </a>
        )}
      </div>
    </div>
  );
};
