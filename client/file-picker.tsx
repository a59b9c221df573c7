import { useId } from 'preact/hooks';

/**
 * A file chooser that speaks the admin's language: the browser's own button says
 * "Choose File" in the system's language whatever the page's.
 */
export function FilePicker(props: { name: string; accept: string; label: string; onFile: (file: File, input: HTMLInputElement) => void }) {
  const id = useId();
  return (
    <span class="file-picker">
      <input
        id={id}
        type="file"
        name={props.name}
        accept={props.accept}
        class="visually-hidden"
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (file) props.onFile(file, input);
        }}
      />
      <label for={id} class="button-like">
        {props.label}
      </label>
    </span>
  );
}
