import { encode } from 'uqr';
import { useMemo } from 'preact/hooks';

/**
 * A QR code drawn as one SVG path, made in the browser so the kiosk needs no image service.
 * The quiet zone of 2 modules is part of the drawing, so it scans even on a dark background.
 */
export function QrCode(props: { text: string; label: string; class?: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(props.text, { ecc: 'M', border: 2 });
    let d = '';
    qr.data.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x} ${y}h1v1h-1z`)));
    return { size: qr.size, path: d };
  }, [props.text]);
  return (
    <svg class={`qr ${props.class ?? ''}`} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={props.label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
