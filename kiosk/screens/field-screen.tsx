import type { Catalogue } from '../../protocol/catalogue.ts';
import { useKiosk } from '../kiosk-context.ts';
import { ProcedureList } from '../parts/procedure-list.tsx';

const collator = new Intl.Collator('vi');

/** The procedures of one field, in Vietnamese alphabetical order. */
export function FieldScreen(props: { catalogue: Catalogue; fieldId: string }) {
  const { session } = useKiosk();
  const field = props.catalogue.fields.find((f) => f.id === props.fieldId);
  const procedures = props.catalogue.procedures.filter((p) => p.fieldId === props.fieldId).sort((a, b) => collator.compare(a.name, b.name));
  return (
    <section class="screen field">
      <h1>{field ? (session.lang === 'vi' ? field.name : field.nameEn) : props.fieldId}</h1>
      <ProcedureList procedures={procedures} />
    </section>
  );
}
