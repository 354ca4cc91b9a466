import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { I18nProvider, useI18n } from '../i18n/index.tsx';
import { PreferencesProvider, usePreferences } from './preferences.tsx';
import { queryClient } from './query-client.ts';
import { appTheme } from './theme.ts';

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const { largeFont } = usePreferences();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={appTheme(largeFont)}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Everything the pages rely on: the query cache, language, display preferences, antd theme and locale. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <PreferencesProvider>
          <Themed>{children}</Themed>
        </PreferencesProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
