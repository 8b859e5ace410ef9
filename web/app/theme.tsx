/**
 * antd theme (colours chosen for ≥ 4.5:1 contrast on white) and the 大字模式 (large-text) switch,
 * persisted in localStorage and applied through ConfigProvider theme tokens.
 */
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'fazhi.largeText';

interface LargeTextState {
  large: boolean;
  setLarge: (v: boolean) => void;
}
const LargeTextContext = createContext<LargeTextState>({ large: false, setLarge: () => undefined });
export const useLargeText = () => useContext(LargeTextContext);

function readStored(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/** Colours: antd defaults such as #1677ff, #faad14 or 45 % black text fall below 4.5:1 on white. */
const BASE_TOKENS: ThemeConfig['token'] = {
  colorPrimary: '#0958d9',
  // hover / active darken instead of lighten, so white button text stays above 4.5:1
  colorPrimaryHover: '#003eb3',
  colorPrimaryActive: '#002c8c',
  colorLinkHover: '#003eb3',
  colorInfo: '#0958d9',
  colorLink: '#0958d9',
  colorError: '#cf1322',
  colorWarning: '#ad4e00',
  colorSuccess: '#237804',
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#95de64',
  colorWarningBg: '#fff7e6',
  colorWarningBorder: '#ffc069',
  colorErrorBg: '#fff1f0',
  colorErrorBorder: '#ffa39e',
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  borderRadius: 4,
  fontFamily:
    "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
};

const LARGE_TOKENS: ThemeConfig['token'] = {
  fontSize: 18,
  controlHeight: 42,
  sizeStep: 5,
  lineWidthFocus: 4,
};

export function ThemeRoot({ children }: { children: ReactNode }) {
  const [large, setLargeState] = useState<boolean>(readStored);
  const setLarge = useCallback((v: boolean) => {
    setLargeState(v);
    try {
      window.localStorage.setItem(STORAGE_KEY, v ? '1' : '0');
    } catch {
      /* storage unavailable: keep the setting for this page only */
    }
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', large);
  }, [large]);
  const theme = useMemo<ThemeConfig>(
    () => ({
      token: { ...BASE_TOKENS, ...(large ? LARGE_TOKENS : {}) },
      components: {
        Layout: { headerBg: '#0f3c78', headerColor: '#ffffff', headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: '#f3f5f8' },
        Menu: { itemSelectedColor: '#003eb3', itemSelectedBg: '#e6f4ff' },
      },
    }),
    [large],
  );
  const value = useMemo(() => ({ large, setLarge }), [large, setLarge]);
  return (
    <LargeTextContext.Provider value={value}>
      <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp component={false}>{children}</AntApp>
      </ConfigProvider>
    </LargeTextContext.Provider>
  );
}
