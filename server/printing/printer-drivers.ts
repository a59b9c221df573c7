import {
  createEscPosPrinter,
  createVirtualPrinter,
  type EscPosPrinterOptions,
  type PrinterDriver,
  type VirtualPrinter,
} from '../../hardware/printer/index.ts';
import { networkLink } from '../../hardware/link/network-link.ts';
import { serialLink } from '../../hardware/link/serial-link.ts';
import { usbPrinterLink } from '../../hardware/link/usb-printer-link.ts';
import type { LinkOpener } from '../../hardware/link/device-link.ts';
import type { PrinterConfig, PrinterTransport } from '../../protocol/printers.ts';
import { logger } from '../log.ts';

/** A running printer: its driver, and the virtual printer behind it when it is one (for previews). */
export interface PrinterDevice {
  driver: PrinterDriver;
  virtual: VirtualPrinter | null;
}

/** Builds the driver of one configured printer; tests pass their own to shorten timings or share a virtual printer. */
export type PrinterDeviceFactory = (config: PrinterConfig) => PrinterDevice;

/** Driver timings a test or a slow site may change; the defaults suit real printers. */
export type DriverTuning = Pick<EscPosPrinterOptions, 'replyTimeoutMs' | 'idlePollMs' | 'reconnect'>;

/** The link a transport needs. */
export function linkFor(transport: Exclude<PrinterTransport, { kind: 'virtual' }>): LinkOpener {
  switch (transport.kind) {
    case 'serial':
      return serialLink({ path: transport.path, baudRate: transport.baudRate, flowControl: transport.flowControl });
    case 'usb':
      return usbPrinterLink({ path: transport.path });
    case 'network':
      return networkLink({ host: transport.host, port: transport.port });
  }
}

/** The real drivers: ESC/POS on the configured link, or the virtual printer. */
export function realPrinterDevices(tuning: DriverTuning = {}): PrinterDeviceFactory {
  return (config) => {
    const log = logger(`printer:${config.id}`);
    if (config.transport.kind === 'virtual') {
      const virtual = createVirtualPrinter({ log, profile: config.profile, keep: 50 });
      return { driver: virtual, virtual };
    }
    return { driver: createEscPosPrinter({ link: linkFor(config.transport), profile: config.profile, log, ...tuning }), virtual: null };
  };
}
