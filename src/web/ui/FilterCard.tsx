import { Card, Segmented } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** A small card whose header offers a choice of what it shows (all, or one kind of its items). */
export function FilterCard<T extends string>({
  title,
  value,
  onChange,
  options,
  style,
  children,
}: {
  title: string;
  value: T;
  onChange: (value: T) => void;
  options: { value: T; label: string }[];
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      style={style}
      title={title}
      extra={<Segmented<T> size="small" value={value} onChange={onChange} options={options} />}
    >
      {children}
    </Card>
  );
}
