import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from '../admin-context.ts';

/** The virtual printer's picture of one ticket, fetched with the admin's session. */
export function TicketPreview(props: { printerId: string; ticketId: string; alt: string }) {
  const { api } = useAdmin();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    void api.download('printerPreview', { params: { id: props.printerId, ticketId: props.ticketId } }).then((blob) => {
      if (!blob) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, props.printerId, props.ticketId]);
  return url ? <img class="ticket-preview" src={url} alt={props.alt} /> : <div class="ticket-preview ticket-preview--empty" />;
}
