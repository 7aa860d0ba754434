import { useI18n } from '../../lib/i18n.tsx';
import { LightTag } from '../../ui/LightTag.tsx';
import type { Light } from './api.ts';

/** The deadline light of a comment (or any 待办 item): red overdue, yellow due within 3 working days. */
export function DueLight({ light, daysLeft }: { light: Light; daysLeft: number | null }) {
  const { t } = useI18n();
  const label =
    light === 'done'
      ? t('desk.light.done')
      : light === 'red'
        ? t('desk.light.red')
        : t('desk.light.left', { n: daysLeft ?? 0 });
  return <LightTag light={light}>{label}</LightTag>;
}
