import { Segmented } from 'antd';
import { api } from '../../lib/api.ts';
import { useI18n, type Lang } from '../../lib/i18n.tsx';
import { useSession } from './session.tsx';

export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  const { user } = useSession();
  // A logged-in user's choice is kept on the server too, so it follows them to another browser.
  const choose = (l: Lang) => {
    setLang(l);
    if (user) void api('/api/auth/me', { method: 'PATCH', body: { locale: l } }).catch(() => undefined);
  };
  return (
    <Segmented<Lang>
      size="small"
      aria-label="Language / 语言"
      value={lang}
      onChange={choose}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
