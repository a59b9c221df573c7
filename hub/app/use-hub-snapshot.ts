import { useEffect, useState } from 'preact/hooks';
import type { HubSnapshot } from '../../protocol/hub/centres.ts';
import { useHubApp } from './hub-app-context.ts';

/** The live status board: the snapshot on every (re)connect, then each pushed change. */
export function useHubSnapshot(): { snapshot: HubSnapshot | null; error: string | null } {
  const { connection } = useHubApp();
  const [snapshot, setSnapshot] = useState<HubSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () =>
      connection.watch((s) => {
        setSnapshot(s);
        setError(null);
      }, setError),
    [connection],
  );
  return { snapshot, error };
}
