import { useEffect, useState } from 'preact/hooks';
import type { AdminSnapshot } from '../protocol/views.ts';
import { useAdmin } from './admin-context.ts';

/** The live dashboard: subscribed on every (re)connect, then kept fresh by the server's pushes. */
export function useAdminSnapshot(): { snapshot: AdminSnapshot | null; error: string | null } {
  const { connection } = useAdmin();
  const [snapshot, setSnapshot] = useState<AdminSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onSnapshot = (s: AdminSnapshot) => setSnapshot(s);
    connection.socket.on('admin:snapshot', onSnapshot);
    const off = connection.onOnline(() => {
      void connection.command('admin:subscribe').then((r) => {
        if (r.ok) {
          setSnapshot(r.value);
          setError(null);
        } else setError(r.error.message);
      });
    });
    return () => {
      off();
      connection.socket.off('admin:snapshot', onSnapshot);
    };
  }, [connection]);
  return { snapshot, error };
}
