import { Badge } from 'antd';
import { useSession } from '../session/session.tsx';
import { useUnreadCount } from './api.ts';

/** The unread count beside the menu entry of the notification centre. */
export function NotificationBadge() {
  const { user } = useSession();
  const q = useUnreadCount(!!user);
  const n = q.data?.unread ?? 0;
  return n > 0 ? <Badge count={n} size="small" data-testid="unread-count" /> : null;
}
