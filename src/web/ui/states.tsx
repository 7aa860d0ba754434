import { Alert, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state-loading" role="status" aria-live="polite">
      <Spin />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** An error in words — never a blank page. */
export function ErrorState({ error, action }: { error: unknown; action?: ReactNode }) {
  const { t } = useI18n();
  let message = t('error.unknown');
  if (error instanceof ApiError) {
    if (error.status === 0) message = t('error.network');
    else if (error.status === 401) message = t('error.unauthenticated');
    else if (error.status === 403) message = t('error.forbidden');
    else if (error.status === 404) message = t('error.notFound');
    else if (error.status === 409) message = t('error.conflict');
    else if (error.status >= 500) message = t('error.server');
    else message = error.message;
  } else if (error instanceof Error) message = error.message;
  const detail =
    error instanceof ApiError && error.message && error.message !== message ? error.message : undefined;
  return <Alert type="error" showIcon title={message} description={detail} action={action} />;
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={children} />;
}
