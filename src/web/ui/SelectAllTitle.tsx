import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A table's select-all checkbox (rowSelection.columnTitle). The table also draws every column title once more in
 * a hidden measuring row (aria-hidden); the copy there is taken out of the tab order, so no focusable control
 * sits inside aria-hidden content (axe: aria-hidden-focus).
 */
function OutOfMeasureRow({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el?.closest('[aria-hidden="true"]')) return;
    for (const input of el.querySelectorAll('input, button')) input.setAttribute('tabindex', '-1');
  });
  return <span ref={ref}>{children}</span>;
}

export const selectAllTitle = (checkbox: ReactNode): ReactNode => (
  <OutOfMeasureRow>{checkbox}</OutOfMeasureRow>
);
