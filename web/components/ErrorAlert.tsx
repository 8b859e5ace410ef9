import { Alert } from 'antd';
import { useEffect, type CSSProperties } from 'react';
import { errorText } from '../app/api';
import { announce } from '../app/notify';

/** An inline error (antd Alert) that is also announced in the assertive live region. */
/** `quiet`: for query errors, which the global query handler already announces. */
export function ErrorAlert({ error, title, style, testId, quiet = false }: { error: unknown; title?: string; style?: CSSProperties; testId?: string; quiet?: boolean }) {
  const text = error ? (title ? `${title}：${errorText(error)}` : errorText(error)) : '';
  useEffect(() => {
    if (text && !quiet) announce(text, 'assertive');
  }, [text, error, quiet]);
  if (!error) return null;
  return <Alert type="error" showIcon title={text} style={{ marginBottom: 16, ...style }} data-testid={testId ?? 'error-alert'} />;
}
