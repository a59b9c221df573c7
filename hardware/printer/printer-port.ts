import { SerialPort } from 'serialport';
import type { DeviceLog } from '../device-log.ts';

/** The part of a serialport stream the printer uses; `SerialPortMock` fits it too. */
export interface PrinterSerialPort {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  write(data: Uint8Array, callback?: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close' | 'error', listener: (error?: Error | null) => void): unknown;
  removeAllListeners(): unknown;
}

/** Makes an unopened port. Defaults to the real serialport bindings. */
export type PrinterPortFactory = (options: { path: string; baudRate: number }) => PrinterSerialPort;

/** The real bindings; the port is opened by {@link openPort} so every retry uses a fresh object. */
export const realPrinterPort: PrinterPortFactory = ({ path, baudRate }) => new SerialPort({ path, baudRate, autoOpen: false });

/** Open a port; rejects when the path is missing or busy. */
export function openPort(port: PrinterSerialPort): Promise<void> {
  return new Promise((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
}

/**
 * Write and wait until the bytes have left for the wire (`tcdrain`), or reject if the port
 * fails, closes or stalls first: only then may a ticket count as printed.
 */
export function writeAndDrain(port: PrinterSerialPort, bytes: Uint8Array, closed: Promise<void>, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => finish(new Error(`write not drained in ${timeoutMs} ms`)), timeoutMs);
    const finish = (error?: Error | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    void closed.then(() => finish(new Error('port closed during write')));
    port.write(bytes, (error) => {
      if (error) finish(error);
    });
    port.drain((error) => finish(error));
  });
}

/** Close a port we are done with and silence it; a late error must not crash the process. */
export async function discardPort(port: PrinterSerialPort, log: DeviceLog): Promise<void> {
  port.removeAllListeners();
  port.on('error', () => undefined);
  if (!port.isOpen) return;
  await new Promise<void>((resolve) => port.close(() => resolve()));
  log.debug('port closed');
}
