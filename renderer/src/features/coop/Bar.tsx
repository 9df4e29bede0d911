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
  let x = 0;
  return (
    <div className="bar" title={label} data-testid={testId}>
      <svg className="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={label} focusable="false">
        <rect className="bar-track" x="0" y="0" width="100" height="10" />
        {segments.map((segment) => {
          const width = clamp(segment.share) * 100;
          const rect = <rect key={segment.key} className={`bar-seg ${segment.tone}`} x={x} y="0" width={Math.max(0, Math.min(width, 100 - x))} height="10" />;
          x += width;
          return rect;
        })}
        {marker !== undefined && (
          <line className="bar-marker" x1={clamp(marker) * 100} x2={clamp(marker) * 100} y1="-1" y2="11" vectorEffect="non-scaling-stroke" />
        )}
      </svg>
    </div>
  );
};
