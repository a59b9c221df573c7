import { useEffect, useState } from 'preact/hooks';

/** The window's size in CSS pixels, kept up to date: a board's layout is computed for its screen. */
export function useScreenSize(): { width: number; height: number } {
  const read = () => ({ width: window.innerWidth, height: window.innerHeight });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    addEventListener('resize', onResize);
    return () => removeEventListener('resize', onResize);
  }, []);
  return size;
}
