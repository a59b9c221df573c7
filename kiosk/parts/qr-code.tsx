import { useEffect, useState } from 'preact/hooks';

type QrEncoder = typeof import('uqr');
let encoder: Promise<QrEncoder> | null = null;

/**
 * Loads the QR encoder in its own chunk, so the kiosk's first screen does not wait for it.
 * The kiosk starts it as soon as it is up (main.tsx), long before a citizen reaches a screen
 * with a code; a failed load (server restarting) is tried again by the next code shown.
 */
export function loadQrEncoder(): Promise<QrEncoder> {
  encoder ??= import('uqr').catch((error: unknown) => {
    encoder = null;
    throw error;
  });
  return encoder;
}

interface Drawing {
  text: string;
  size: number;
  path: string;
}

function draw(qr: QrEncoder, text: string): Drawing {
  const code = qr.encode(text, { ecc: 'M', border: 2 });
  let path = '';
  code.data.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)));
  return { text, size: code.size, path };
}

/**
 * A QR code drawn as one SVG path, made in the browser so the kiosk needs no image service.
 * The quiet zone of 2 modules is part of the drawing, so it scans even on a dark background.
 * Until the encoder is there the square is white, the same size, so nothing on the screen moves.
 */
export function QrCode(props: { text: string; label: string; class?: string }) {
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  useEffect(() => {
    let current = true;
    loadQrEncoder().then(
      (qr) => current && setDrawing(draw(qr, props.text)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [props.text]);
  const shown = drawing?.text === props.text ? drawing : null;
  const size = shown?.size ?? 29;
  return (
    <svg class={`qr ${props.class ?? ''}`} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={props.label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      {shown && <path d={shown.path} fill="#000" />}
    </svg>
  );
}
