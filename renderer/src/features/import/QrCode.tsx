import { useMemo } from 'react';
import { encode } from 'uqr';

export type QrCodeProps = { text: string; label: string; testId?: string };

/**
 * A QR code of `text`, drawn as SVG rectangles (no raster, no network): one path of dark
 * modules with a quiet zone, so a phone camera reads it straight off the screen.
 */
export const QrCode = ({ text, label, testId }: QrCodeProps) => {
  const { size, path } = useMemo(() => {
    const { data } = encode(text, { ecc: 'M', border: 2 });
    const parts: string[] = [];
    data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) {
          parts.push(`M${String(x)} ${String(y)}h1v1h-1z`);
        }
      });
    });
    return { size: data.length, path: parts.join('') };
  }, [text]);
  return (
    <svg
      className="qr-code"
      data-testid={testId}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${String(size)} ${String(size)}`}
      shapeRendering="crispEdges"
      width={size * 5}
      height={size * 5}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
};
