import type { PrinterConfig, PrinterConfigInput, PrinterModelView, PrinterProfile, PrinterTransport } from '../../protocol/printers.ts';

/** The printer form's fields, as typed. */
export interface PrinterDraft {
  isNew: boolean;
  id: string;
  name: string;
  transportKind: PrinterTransport['kind'];
  path: string;
  baudRate: string;
  flowControl: 'none' | 'rtscts' | 'xonxoff';
  host: string;
  port: string;
  profile: PrinterProfile;
}

/** A new printer: the first preset (generic 80 mm) on a network link, since that needs no cabling on the server. */
export function blankPrinterDraft(models: readonly PrinterModelView[], taken: readonly string[]): PrinterDraft {
  let n = taken.length + 1;
  while (taken.includes(`p${n}`)) n++;
  return {
    isNew: true,
    id: `p${n}`,
    name: '',
    transportKind: 'network',
    path: '/dev/usb/lp0',
    baudRate: '9600',
    flowControl: 'none',
    host: '',
    port: '9100',
    profile: models[0]!.profile,
  };
}

export function printerDraftOf(p: PrinterConfig): PrinterDraft {
  const t = p.transport;
  return {
    isNew: false,
    id: p.id,
    name: p.name,
    transportKind: t.kind,
    path: t.kind === 'serial' || t.kind === 'usb' ? t.path : t.kind === 'network' ? '' : '/dev/usb/lp0',
    baudRate: t.kind === 'serial' ? String(t.baudRate) : '9600',
    flowControl: t.kind === 'serial' ? t.flowControl : 'none',
    host: t.kind === 'network' ? t.host : '',
    port: t.kind === 'network' ? String(t.port) : '9100',
    profile: p.profile,
  };
}

/** The body of `savePrinter`; the server validates it (a speed or port typed wrong is refused there). */
export function printerBody(d: PrinterDraft): Omit<PrinterConfigInput, 'id'> {
  type Serial = Extract<PrinterTransport, { kind: 'serial' }>;
  const transport: PrinterConfigInput['transport'] =
    d.transportKind === 'serial'
      ? { kind: 'serial', path: d.path.trim(), baudRate: Number(d.baudRate) as Serial['baudRate'], flowControl: d.flowControl }
      : d.transportKind === 'usb'
        ? { kind: 'usb', path: d.path.trim() }
        : d.transportKind === 'network'
          ? { kind: 'network', host: d.host.trim(), port: Number(d.port) }
          : { kind: 'virtual' };
  return { name: d.name.trim(), transport, profile: d.profile };
}
