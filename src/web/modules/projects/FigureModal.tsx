import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';

/** The dialog a project figure is entered in: its form, a save button that waits for the server, and the refusal. */
export function FigureModal({
  open,
  title,
  okText,
  pending,
  error,
  onOk,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  okText: string;
  pending: boolean;
  error: Error | null;
  onOk: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      confirmLoading={pending}
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
    >
      {children}
      {error && (
        <Alert type="error" showIcon title={error.message} role="alert" data-testid="figure-refusal" />
      )}
    </Modal>
  );
}
