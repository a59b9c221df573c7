import type { Dialect } from '../../protocol/voice/dialect.ts';
import { alikePrefixes } from '../../protocol/voice/letter-sounds.ts';
import { named, useAdmin } from '../admin-context.ts';

/** Props of {@link PrefixWarnings}. */
export interface PrefixWarningsProps {
  services: ReadonlyArray<{ id: string; prefix: string; name: { vi: string; en: string } }>;
  dialect: Dialect;
}

/** Warns when two services' ticket prefixes sound alike when announced (B and P: "bê", "pê"), so one can be changed. */
export function PrefixWarnings({ services, dialect }: PrefixWarningsProps) {
  const { t, lang } = useAdmin();
  const alike = alikePrefixes(services, dialect);
  if (alike.length === 0) return null;
  const nameOf = (id: string) => {
    const service = services.find((s) => s.id === id);
    return service ? named(service.name, lang) : id;
  };
  return (
    <div class="notice notice--bad" role="alert" data-testid="prefix-warnings">
      <p>{t('admin:prefixAlike.title')}</p>
      <ul class="problems">
        {alike.map((pair) => (
          <li key={pair.services.join('|')}>
            {t('admin:prefixAlike.pair', {
              first: nameOf(pair.services[0]),
              second: nameOf(pair.services[1]),
              a: pair.prefixes[0],
              b: pair.prefixes[1],
              saidA: pair.spoken[0],
              saidB: pair.spoken[1],
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
