import { Button, Result } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { navigate } from '../lib/router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.text')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('nav.dashboard')}
        </Button>
      }
    />
  );
}
