import { Form, InputNumber } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import type { ProjectDetail } from '../../lib/types.ts';

/** The range the API takes for a year (projects.schemas.ts), checked here so the message is the screen's. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;

/** The year a project figure is for, shared by the investment and the progress dialogs. */
export function YearField({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="year"
      label={t('projects.invest.year')}
      rules={[
        { required: true, message: t('projects.invest.yearNeeded') },
        {
          type: 'integer',
          min: YEAR_MIN,
          max: YEAR_MAX,
          message: t('projects.invest.yearRange', { min: YEAR_MIN, max: YEAR_MAX }),
        },
      ]}
    >
      <InputNumber<number> style={{ width: '100%' }} data-testid={testId} />
    </Form.Item>
  );
}

/** What the investment and the progress dialogs are opened with. */
export interface FigureDialogProps {
  project: ProjectDetail;
  defaultYear: number;
  open: boolean;
  onClose: () => void;
}
