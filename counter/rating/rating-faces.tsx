/** A face drawn for a level of the three-level scale: 3 broad smile, 2 smile, 1 frown. */
export function Face(props: { level: 1 | 2 | 3 }) {
  const colours = { 3: '#1f9d55', 2: '#d69e2e', 1: '#d64545' } as const;
  const mouths = { 3: 'M30 62 Q50 84 70 62', 2: 'M33 65 Q50 74 67 65', 1: 'M32 72 Q50 56 68 72' } as const;
  return (
    <svg viewBox="0 0 100 100" class="face" aria-hidden="true">
      <circle cx="50" cy="50" r="46" fill={colours[props.level]} />
      <circle cx="35" cy="40" r="6" fill="#fff" />
      <circle cx="65" cy="40" r="6" fill="#fff" />
      <path d={mouths[props.level]} fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" />
    </svg>
  );
}

/** A star for the five-level scale, filled up to the level it stands for. */
export function Star(props: { filled: boolean }) {
  return (
    <svg viewBox="0 0 100 100" class="star" aria-hidden="true">
      <path
        d="M50 6 L62 38 L96 38 L68 58 L79 92 L50 71 L21 92 L32 58 L4 38 L38 38 Z"
        fill={props.filled ? '#f2b01e' : '#e2e8f0'}
        stroke="#b7791f"
        stroke-width="3"
        stroke-linejoin="round"
      />
    </svg>
  );
}
