import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

/** A save in flight, as a react-query mutation holds it: whether it waits for the server, its refusal, and a reset. */
export interface Saving {
  isPending: boolean;
  error: Error | null;
  reset: () => void;
}

/**
 * A dialog around one form. OK submits the form: invalid fields show their own messages and nothing is sent (an
 * awaited `validateFields()` would reject unhandled instead). `onSubmit` gets the valid values and `done`, which
 * says what was saved and closes the dialog; the save button waits for the server, and the server's refusal shows
 * under the form. Closing forgets the refusal.
 */
export function FormDialog<F extends object>({
  open,
  title,
  okText,
  form,
  name,
  initialValues,
  onValuesChange,
  saving,
  onSubmit,
  onClose,
  refusalTestId,
  children,
}: {
  open: boolean;
  title: string;
  okText: string;
  form: FormInstance<F>;
  name: string;
  initialValues?: Partial<F>;
  onValuesChange?: (changed: Partial<F>) => void;
  saving: Saving;
  onSubmit: (values: F, done: (saved: string) => void) => void;
  onClose: () => void;
  refusalTestId?: string;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const close = () => {
    saving.reset();
    onClose();
  };
  const done = (saved: string) => {
    void message.success(saved);
    close();
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      confirmLoading={saving.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Form<F>
        form={form}
        layout="vertical"
        name={name}
        onFinish={(v) => onSubmit(v, done)}
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        preserve={false}
      >
        {children}
      </Form>
      {saving.error && (
        <Alert type="error" showIcon title={saving.error.message} role="alert" data-testid={refusalTestId} />
      )}
    </Modal>
  );
}
