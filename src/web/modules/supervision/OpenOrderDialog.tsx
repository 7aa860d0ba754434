import { Form, Input, Select } from 'antd';
import { addDays, isoDay } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDepartmentName } from '../../lib/departmentName.ts';
import { navigate } from '../../lib/router.tsx';
import { ORDER_TEXT_LIMITS } from '../../lib/rules.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { useDepartments } from '../comments/api.ts';
import { openOrder, useSupervisionWrite, type OpenOrderInput, type SubjectType } from './api.ts';

const dayAfter = (days: number) => addDays(isoDay(new Date()), days);

export interface OrderSource {
  /** Opened from a warning: the order concerns the warning's item. */
  warningId?: string;
  subjectType?: SubjectType;
  subjectId?: string;
  /** The item's name, for the default title. */
  title: string;
  /** The reason of the warning, for the default requirement. */
  reason?: string;
}

interface Fields {
  title: string;
  requirement: string;
  planDue: string;
  deadline: string;
  department?: string;
}

/** 交办: the planning office opens a 督办单 on an item (or from a warning) to its lead department. */
export function OpenOrderDialog({ source, onClose }: { source: OrderSource | null; onClose: () => void }) {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const [form] = Form.useForm<Fields>();
  const departments = useDepartments();
  const open = useSupervisionWrite((v: OpenOrderInput) => openOrder(v));
  // read when the form mounts (each time the dialog opens: it is destroyed when hidden)
  const initial: Partial<Fields> = source
    ? {
        title: t('sup.open.defaultTitle', { title: source.title }),
        requirement: source.reason ? t('sup.open.defaultRequirement', { reason: source.reason }) : '',
        planDue: dayAfter(10),
        deadline: dayAfter(60),
      }
    : {};
  const submit = (v: Fields, done: (saved: string) => void) => {
    if (!source) return;
    const body: OpenOrderInput = {
      title: v.title,
      requirement: v.requirement,
      planDue: v.planDue,
      deadline: v.deadline,
      ...(v.department ? { department: v.department } : {}),
      ...(source.warningId
        ? { warningId: source.warningId }
        : source.subjectType && source.subjectId
          ? { subjectType: source.subjectType, subjectId: source.subjectId }
          : {}),
    };
    open.mutate(body, {
      onSuccess: (o) => {
        done(t('sup.open.done', { department: deptName(o.department) }));
        navigate(`/supervision?id=${o.id}`);
      },
    });
  };

  return (
    <FormDialog<Fields>
      open={!!source}
      title={t('sup.open.title')}
      okText={t('sup.open.submit')}
      form={form}
      name="open-order"
      initialValues={initial}
      saving={open}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="title"
        label={t('sup.field.title')}
        rules={[{ required: true, max: ORDER_TEXT_LIMITS.title }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="requirement"
        label={t('sup.field.requirement')}
        rules={[
          { required: true, message: t('sup.field.requirementNeeded') },
          { max: ORDER_TEXT_LIMITS.requirement },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="planDue" label={t('sup.field.planDue')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="deadline" label={t('sup.field.deadline')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="department" label={t('sup.field.department')} extra={t('sup.field.departmentHint')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('sup.field.departmentLead')}
          options={(departments.data?.items ?? []).map((d) => ({ value: d.code, label: deptName(d) }))}
        />
      </Form.Item>
    </FormDialog>
  );
}
