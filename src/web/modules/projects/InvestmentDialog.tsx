import { Form, InputNumber } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { useSaveInvestments } from './queries.ts';
import { YearField, type FigureDialogProps } from './YearField.tsx';

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
}: FigureDialogProps & { unit: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Fields>();
  const save = useSaveInvestments(project.id);
  const known = (year: number | null | undefined) => project.investments.find((i) => i.year === year);
  const initial = (year: number): Fields => ({
    year,
    planned: known(year)?.planned ?? null,
    completed: known(year)?.completed ?? null,
  });
  const submit = (v: Fields, done: (saved: string) => void) => {
    save.mutate(
      { items: [{ year: v.year, planned: v.planned ?? null, completed: v.completed ?? null }] },
      { onSuccess: () => done(t('projects.invest.saved', { year: v.year })) },
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
    <FormDialog<Fields>
      open={open}
      title={t('projects.invest.title', { name: project.name })}
      okText={t('projects.invest.save')}
      form={form}
      name="project-investment"
      initialValues={initial(defaultYear)}
      onValuesChange={(changed) => {
        // choosing a year already reported shows its figures, so a correction starts from them
        if (changed.year !== undefined && known(changed.year)) form.setFieldsValue(initial(changed.year));
      }}
      saving={save}
      onSubmit={submit}
      onClose={onClose}
      refusalTestId="figure-refusal"
    >
      <YearField testId="investment-year" />
      {amount('planned', t('projects.planned'))}
      {amount('completed', t('projects.completed'))}
    </FormDialog>
  );
}
