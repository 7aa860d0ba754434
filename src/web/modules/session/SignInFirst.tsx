import { Button, Card } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';
import { EmptyState } from '../../ui/states.tsx';

/** What a signed-in screen shows a visitor: sign in first, with the button that comes back to `next`. */
export function SignInFirst({ next }: { next: string }) {
  const { t } = useI18n();
  return (
    <Card>
      <EmptyState>
        {t('entry.loginFirst')}{' '}
        <Button onClick={() => navigate(`/login?next=${next}`)}>{t('auth.login')}</Button>
      </EmptyState>
    </Card>
  );
}
