import { Card, Tabs } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { Assignments } from '../modules/admin/Assignments.tsx';
import { Departments } from '../modules/admin/Departments.tsx';
import { Users } from '../modules/admin/Users.tsx';
import { PlanImport } from '../modules/import/PlanImport.tsx';
import { useSession } from '../modules/session/session.tsx';
import { useWorkspace } from '../modules/workspace/workspace.tsx';
import { EmptyState, Loading } from '../ui/states.tsx';

export default function AdminPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const ws = useWorkspace();
  if (loading) return <Loading />;
  if (user?.role !== 'admin')
    return (
      <Card>
        <EmptyState>{t('admin.only')}</EmptyState>
      </Card>
    );
  return (
    <div>
      <div className="page-title">
        <h1>{t('admin.title')}</h1>
      </div>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'assignments',
              label: t('admin.assignments'),
              children: ws.plan ? <Assignments planId={ws.plan.id} /> : <Loading />,
            },
            { key: 'users', label: t('admin.users'), children: <Users /> },
            { key: 'departments', label: t('admin.departments'), children: <Departments /> },
            { key: 'import', label: t('admin.import'), children: <PlanImport /> },
          ]}
        />
      </Card>
    </div>
  );
}
