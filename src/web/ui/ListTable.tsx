import { Table, type TableProps } from 'antd';
import { ErrorState } from './states.tsx';

/** A small table of records keyed by their id — or, when the read that fills it failed, that error in words. */
export function ListTable<T extends object>({ error, ...table }: TableProps<T> & { error: unknown }) {
  return error ? <ErrorState error={error} /> : <Table<T> size="small" rowKey="id" {...table} />;
}
