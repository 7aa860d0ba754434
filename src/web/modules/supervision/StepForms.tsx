import { Alert, App, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { sendStep, useSupervisionWrite, type OrderDetail, type StepAction, type StepInput } from './api.ts';

interface PlanFields {
  body?: string;
  measures: { title: string; milestone?: string; dueDate: string }[];
}

/** The step forms the caller may use now on an order (its `actions`): the department's, or the office's. */
export function StepForms({ order }: { order: OrderDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const step = useSupervisionWrite((v: StepInput) => sendStep(v));
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string[]>([]);
  const [planForm] = Form.useForm<PlanFields>();
  const can = (a: StepAction) => order.actions.includes(a);
  if (order.actions.length === 0) return null;

  const run = (input: Omit<StepInput, 'id'>, ok: string) =>
    step.mutate(
      { id: order.id, ...input },
      {
        onSuccess: () => {
          void message.success(ok);
          setNote('');
          setDone([]);
          planForm.resetFields();
        },
      },
    );

  /**
   * One step that takes a note: its title, the note (shared by the steps, cleared after a step), its buttons. A
   * function, not a component declared here: that would be a new component each render and lose the typing.
   */
  const noteStep = (title: string, label: string, buttons: ReactNode, { rows = 3, first = false } = {}) => (
    <Space direction="vertical" style={{ width: '100%', ...(first ? {} : { marginTop: 16 }) }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Input.TextArea
        aria-label={label}
        placeholder={label}
        rows={rows}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {buttons}
    </Space>
  );

  /** A step's button that sends the note, which the step needs (with `more`, when it takes more). */
  const withNote = (
    action: 'report' | 'close' | 'return',
    text: string,
    doneText: string,
    more: Pick<StepInput, 'doneMeasureIds'> = {},
    danger = false,
  ) => (
    <Button
      type={danger ? undefined : 'primary'}
      danger={danger}
      disabled={!note.trim()}
      loading={step.isPending}
      onClick={() => run({ action, body: note.trim(), ...more }, doneText)}
    >
      {text}
    </Button>
  );

  // the form's own submit: invalid fields show their messages (an awaited validateFields() would reject unhandled)
  const submitPlan = (v: PlanFields) =>
    run(
      {
        action: 'submit_plan',
        body: v.body?.trim() || null,
        measures: v.measures.map((m) => ({
          title: m.title.trim(),
          milestone: m.milestone?.trim() || null,
          dueDate: m.dueDate,
        })),
      },
      t('sup.step.planDone'),
    );

  const open = order.measures.filter((m) => !m.doneOn);
  return (
    <div className="supervision-steps" data-testid="step-forms">
      {step.error && (
        <Alert
          type="error"
          showIcon
          title={step.error.message}
          style={{ marginBottom: 12 }}
          data-testid="step-error"
        />
      )}
      {can('acknowledge') &&
        noteStep(
          t('sup.step.ackTitle'),
          t('sup.step.ackNote'),
          <Button
            type="primary"
            loading={step.isPending}
            onClick={() => run({ action: 'acknowledge', body: note.trim() || null }, t('sup.step.ackDone'))}
          >
            {t('sup.step.ack')}
          </Button>,
          { rows: 2, first: true },
        )}
      {can('submit_plan') && (
        <Form
          form={planForm}
          layout="vertical"
          name="corrective-plan"
          onFinish={submitPlan}
          initialValues={{ measures: [{ title: '', milestone: '', dueDate: '' }] }}
        >
          <Typography.Text strong>{t('sup.step.planTitle')}</Typography.Text>
          <Typography.Paragraph type="secondary">
            {t('sup.step.planHint', { deadline: order.deadline })}
          </Typography.Paragraph>
          <Form.List name="measures">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" wrap className="measure-row" data-testid="measure-row">
                    <Form.Item
                      name={[f.name, 'title']}
                      label={t('sup.measure.title', { n: i + 1 })}
                      rules={[{ required: true, whitespace: true, message: t('sup.measure.titleNeeded') }]}
                    >
                      <Input style={{ width: 280 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'milestone']} label={t('sup.measure.milestone')}>
                      <Input style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'dueDate']}
                      label={t('sup.measure.dueDate')}
                      rules={[{ required: true, message: t('sup.measure.dueNeeded') }]}
                    >
                      <Input type="date" max={order.deadline} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        style={{ marginTop: 30 }}
                        onClick={() => remove(f.name)}
                        aria-label={t('sup.measure.remove', { n: i + 1 })}
                      >
                        {t('sup.measure.removeShort')}
                      </Button>
                    )}
                  </Space>
                ))}
                <div>
                  <Button onClick={() => add({ title: '', milestone: '', dueDate: '' })}>
                    {t('sup.measure.add')}
                  </Button>
                </div>
              </>
            )}
          </Form.List>
          <Form.Item name="body" label={t('sup.step.planNote')} style={{ marginTop: 12 }}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" loading={step.isPending} onClick={() => planForm.submit()}>
            {t('sup.step.planSubmit')}
          </Button>
        </Form>
      )}
      {can('report') &&
        noteStep(
          t('sup.step.reportTitle'),
          t('sup.step.reportBody'),
          <>
            {open.length > 0 && (
              <Checkbox.Group
                aria-label={t('sup.step.doneMeasures')}
                value={done}
                onChange={(v) => setDone(v)}
                options={open.map((m) => ({ value: m.id, label: m.title }))}
              />
            )}
            {withNote('report', t('sup.step.report'), t('sup.step.reportDone'), { doneMeasureIds: done })}
          </>,
        )}
      {(can('close') || can('return')) &&
        noteStep(
          t('sup.step.verifyTitle'),
          t('sup.step.verifyBody'),
          <Space>
            {can('close') && withNote('close', t('sup.step.close'), t('sup.step.closeDone'))}
            {can('return') && withNote('return', t('sup.step.return'), t('sup.step.returnDone'), {}, true)}
          </Space>,
        )}
    </div>
  );
}
