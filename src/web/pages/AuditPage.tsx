import { Card } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { AuditLog } from '../modules/audit/AuditLog.tsx';
import { useSession } from '../modules/session/session.tsx';
import { SignInFirst } from '../modules/session/SignInFirst.tsx';
import { EmptyState, Loading } from '../ui/states.tsx';

/** /audit: the audit log, for the planning office and assessors (whom GET /api/audit lets read it). */
export default function AuditPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  return (
    <div data-testid="audit-page">
      <div className="page-title">
        <h1>{t('audit.title')}</h1>
      </div>
      {!user ? (
        <SignInFirst next="/audit" />
      ) : user.role === 'admin' || user.role === 'assessor' ? (
        <AuditLog />
      ) : (
        <Card>
          <EmptyState>{t('audit.only')}</EmptyState>
        </Card>
      )}
    </div>
  );
}
