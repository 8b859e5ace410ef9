import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** antd's preset orange/green/gold tags fall below 4.5:1; these tones do not. */
const TONES = {
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  orange: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffc069' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  purple: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  grey: { color: '#262626', background: '#f5f5f5', borderColor: '#bfbfbf' },
} as const;

export type Tone = keyof typeof TONES;

export function StatusTag({ tone, children, icon }: { tone: Tone; children: ReactNode; icon?: ReactNode }) {
  return (
    <Tag style={TONES[tone]} icon={icon}>
      {children}
    </Tag>
  );
}
