import { Form, Input, InputNumber, Select } from 'antd';
import { PROJECT_STAGES } from '../../../domain/project.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import type { ProjectDetail } from '../../lib/types.ts';
import { useAddProjectProgress } from './queries.ts';
import { YearField, type FigureDialogProps } from './YearField.tsx';

interface Fields {
  year: number;
  quarter: number;
  stage: ProjectDetail['stage'] | undefined;
  percent: number | null;
  text: string;
}

/** The longest progress text the API takes (projects.schemas.ts). */
const TEXT_MAX = 8000;

/** The quarter a day falls in, 1–4. */
const quarterOf = (d: Date) => Math.floor(d.getMonth() / 3) + 1;

/** 填报季度进展: one quarter's progress of a project — stage, percent done, what was done. One per quarter. */
export function ProgressDialog({ project, defaultYear, open, onClose }: FigureDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Fields>();
  const add = useAddProjectProgress(project.id);
  const submit = (v: Fields, done: (saved: string) => void) => {
    add.mutate(
      {
        year: v.year,
        quarter: v.quarter,
        stage: v.stage ?? null,
        percent: v.percent ?? null,
        text: v.text.trim(),
      },
      { onSuccess: () => done(t('projects.progress.saved', { year: v.year, quarter: v.quarter })) },
    );
  };
  return (
    <FormDialog<Fields>
      open={open}
      title={t('projects.progress.title', { name: project.name })}
      okText={t('projects.progress.save')}
      form={form}
      name="project-progress"
      initialValues={{
        year: defaultYear,
        quarter: quarterOf(new Date()),
        stage: project.stage ?? undefined,
        percent: null,
        text: '',
      }}
      saving={add}
      onSubmit={submit}
      onClose={onClose}
      refusalTestId="figure-refusal"
    >
      <YearField testId="progress-year" />
      <Form.Item name="quarter" label={t('projects.progress.quarter')} rules={[{ required: true }]}>
        <Select
          data-testid="progress-quarter"
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('projects.progress.q', { q }) }))}
        />
      </Form.Item>
      <Form.Item name="stage" label={t('projects.stage')}>
        <Select allowClear options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
      </Form.Item>
      <Form.Item
        name="percent"
        label={t('projects.progress.percent')}
        rules={[{ type: 'number', min: 0, max: 100, message: t('projects.progress.percentRange') }]}
      >
        <InputNumber<number> style={{ width: '100%' }} suffix="%" data-testid="progress-percent" />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('projects.progress.text')}
        rules={[
          { required: true, whitespace: true, message: t('projects.progress.textNeeded') },
          { max: TEXT_MAX, message: t('projects.progress.textTooLong', { n: TEXT_MAX }) },
        ]}
      >
        <Input.TextArea rows={3} data-testid="progress-text" />
      </Form.Item>
    </FormDialog>
  );
}
