import { App, Form, InputNumber } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import type { ProjectDetail } from '../../lib/types.ts';
import { useSaveInvestments } from './queries.ts';
import { FigureModal } from './FigureModal.tsx';
import { YearField } from './YearField.tsx';

interface Fields {
  year: number;
  planned: number | null;
  completed: number | null;
}

/** 填报年度投资: a year's planned and completed investment, in the project's unit (亿元 by default). */
export function InvestmentDialog({
  project,
  unit,
  defaultYear,
  open,
  onClose,
}: {
  project: ProjectDetail;
  unit: string;
  defaultYear: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const save = useSaveInvestments(project.id);
  const known = (year: number | null | undefined) => project.investments.find((i) => i.year === year);
  const initial = (year: number): Fields => ({
    year,
    planned: known(year)?.planned ?? null,
    completed: known(year)?.completed ?? null,
  });
  const close = () => {
    save.reset();
    onClose();
  };
  // the form's own submit: invalid fields show their messages (validateFields() would reject unhandled)
  const submit = (v: Fields) => {
    save.mutate(
      { items: [{ year: v.year, planned: v.planned ?? null, completed: v.completed ?? null }] },
      {
        onSuccess: () => {
          void message.success(t('projects.invest.saved', { year: v.year }));
          close();
        },
      },
    );
  };
  const amount = (name: 'planned' | 'completed', label: string) => (
    <Form.Item
      name={name}
      label={t('projects.withUnit', { label, unit })}
      dependencies={[name === 'planned' ? 'completed' : 'planned']}
      rules={[
        { type: 'number', min: 0, message: t('projects.invest.negative') },
        ({ getFieldValue }) => ({
          validator: (_, value: number | null | undefined) =>
            value == null && getFieldValue(name === 'planned' ? 'completed' : 'planned') == null
              ? Promise.reject(new Error(t('projects.invest.oneNeeded')))
              : Promise.resolve(),
        }),
      ]}
    >
      <InputNumber<number> style={{ width: '100%' }} suffix={unit} data-testid={`investment-${name}`} />
    </Form.Item>
  );
  return (
    <FigureModal
      open={open}
      title={t('projects.invest.title', { name: project.name })}
      okText={t('projects.invest.save')}
      pending={save.isPending}
      error={save.error}
      onOk={() => form.submit()}
      onCancel={close}
    >
      <Form
        form={form}
        layout="vertical"
        name="project-investment"
        onFinish={submit}
        initialValues={initial(defaultYear)}
        preserve={false}
        onValuesChange={(changed: Partial<Fields>) => {
          // choosing a year already reported shows its figures, so a correction starts from them
          if (changed.year !== undefined && known(changed.year)) form.setFieldsValue(initial(changed.year));
        }}
      >
        <YearField testId="investment-year" />
        {amount('planned', t('projects.planned'))}
        {amount('completed', t('projects.completed'))}
      </Form>
    </FigureModal>
  );
}
