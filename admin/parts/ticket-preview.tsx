import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from '../admin-context.ts';

/** The virtual printer's picture of one ticket, fetched with the admin's session. */
export function TicketPreview(props: { jobId: string; alt: string }) {
  const { api } = useAdmin();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    void api.download('printerPreview', { params: { jobId: props.jobId } }).then((blob) => {
      if (!blob) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, props.jobId]);
  return url ? <img class="ticket-preview" src={url} alt={props.alt} /> : <div class="ticket-preview ticket-preview--empty" />;
}
