import { Switch } from 'antd';
import { useLargeText } from '../app/theme';

/** 大字模式: a labelled switch (the setting is persisted in localStorage by ThemeRoot). */
export function LargeTextSwitch() {
  const { large, setLarge } = useLargeText();
  return (
    <span className="header-switch">
      <label htmlFor="large-text-switch">大字模式</label>
      <Switch id="large-text-switch" size="small" checked={large} onChange={setLarge} />
    </span>
  );
}
