export type BarSegment = { key: string; /** 0–1 of the bar */ share: number; tone: string };

export type BarProps = {
  /** The exact numbers: the tooltip and what a screen reader says. */
  label: string;
  segments: readonly BarSegment[];
  /** Where the line to reach sits (quorum, threshold), 0–1. */
  marker?: number;
  testId?: string;
};

const clamp = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/**
 * A horizontal bar of stacked segments with an optional marker line, in plain inline SVG:
 * geometry is attributes, colours come from the stylesheet, so the page's CSP needs no
 * inline styles.
 */
export const Bar = ({ label, segments, marker, testId }: BarProps) => {
  // Each segment starts where the ones before it end, worked out before rendering (render stays pure).
  const placed = segments.reduce<{ segment: BarSegment; x: number; width: number }[]>((done, segment) => {
    const previous = done.at(-1);
    return [...done, { segment, x: previous === undefined ? 0 : previous.x + previous.width, width: clamp(segment.share) * 100 }];
  }, []);
  return (
    <div className="bar" title={label} data-testid={testId}>
      <svg className="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={label} focusable="false">
        <rect className="bar-track" x="0" y="0" width="100" height="10" />
        {placed.map(({ segment, x, width }) => (
          <rect key={segment.key} className={`bar-seg ${segment.tone}`} x={x} y="0" width={Math.max(0, Math.min(width, 100 - x))} height="10" />
        ))}
        {marker !== undefined && (
          <line className="bar-marker" x1={clamp(marker) * 100} x2={clamp(marker) * 100} y1="-1" y2="11" vectorEffect="non-scaling-stroke" />
        )}
      </svg>
    </div>
  );
};
