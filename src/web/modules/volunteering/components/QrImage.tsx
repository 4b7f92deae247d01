import { toString as qrToString } from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code of `text` (a link), drawn in the browser as an SVG image. An <img> with a data: URL
 * runs no script. `svg` (the server's own drawing) is used as it is when given.
 */
export function QrImage({
  text,
  svg,
  size,
  alt,
  'data-testid': dataTestId,
}: {
  text?: string;
  svg?: string | null;
  size: number;
  alt: string;
  'data-testid'?: string;
}) {
  const [drawn, setDrawn] = useState<{ text: string; svg: string } | null>(null);

  useEffect(() => {
    if (svg || !text) return undefined;
    let live = true;
    qrToString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (result) => {
        if (live) setDrawn({ text, svg: result });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [text, svg]);

  const source = svg ?? (drawn && drawn.text === text ? drawn.svg : null);
  if (!source) return <div style={{ width: size, height: size }} data-testid={dataTestId} aria-busy="true" />;
  return (
    <img
      className="gj-qr"
      src={`data:image/svg+xml;utf8,${encodeURIComponent(source)}`}
      width={size}
      height={size}
      alt={alt}
      data-testid={dataTestId}
      data-qr-text={text}
    />
  );
}
