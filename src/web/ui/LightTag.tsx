import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { DueLight } from '../../domain/due-light.ts';

/** The one colour table for a light, so a 待办 deadline, a 督办 step and a warning of one light look alike everywhere. */
const LIGHT_COLOR: Record<DueLight, string> = { red: 'red', yellow: 'gold', green: 'green', done: 'default' };

/** A light as a tag; `data-light` names it for tests and styles. */
export function LightTag({
  light,
  children,
  'data-testid': testId,
}: {
  light: DueLight;
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Tag color={LIGHT_COLOR[light]} data-light={light} data-testid={testId}>
      {children}
    </Tag>
  );
}
