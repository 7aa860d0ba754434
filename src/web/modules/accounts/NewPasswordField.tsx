import { Form, Input, type FormRule } from 'antd';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { MIN_PASSWORD_LENGTH } from '../../lib/rules.ts';

/**
 * A field for choosing a password: required and at least the length the server accepts, so the form refuses
 * what the API would. `{n}` in the label and message reads that length.
 */
export function NewPasswordField({
  name,
  label,
  message,
}: {
  name: string;
  label: MessageKey;
  /** Shown when the rule fails; without it Ant Design's own wording. */
  message?: MessageKey;
}) {
  const { t } = useI18n();
  const n = { n: MIN_PASSWORD_LENGTH };
  const rule: FormRule = { required: true, min: MIN_PASSWORD_LENGTH };
  return (
    <Form.Item name={name} label={t(label, n)} rules={[message ? { ...rule, message: t(message, n) } : rule]}>
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
