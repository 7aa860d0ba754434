import { Form, Select } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import type { Role } from '../../lib/types.ts';
import { useDepartments } from './queries.ts';

const ROLES: Role[] = ['admin', 'department', 'assessor'];

/**
 * The role of an account and, for a department user, its departments (required then): the same two fields
 * where an account is created and where a sign-on account awaiting a role is granted one. Inside a Form.
 */
export function RoleFields() {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const depts = useDepartments();
  const form = Form.useFormInstance<{ role: Role; departments?: string[] }>();
  const role = Form.useWatch('role', form);
  return (
    <>
      <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
        <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {role === 'department' && (
        <Form.Item
          name="departments"
          label={t('plan.departments')}
          rules={[{ required: true, message: t('admin.deptRequired') }]}
        >
          <Select
            mode="multiple"
            options={(depts.data ?? []).map((d) => ({ value: d.code, label: deptName(d) }))}
            optionFilterProp="label"
          />
        </Form.Item>
      )}
    </>
  );
}
