/**
 * Feedback to the user: antd message toasts AND live regions for screen readers.
 * Errors go to an aria-live="assertive" region, confirmations to a polite one.
 */
import { App } from 'antd';
import { useEffect, useSyncExternalStore } from 'react';
import { errorText } from './api';

type Politeness = 'assertive' | 'polite';
const state: Record<Politeness, string> = { assertive: '', polite: '' };
const subs = new Set<() => void>();
const emit = () => subs.forEach((s) => s());

/** Puts text in a live region; clearing first makes a repeated identical message be read again. */
export function announce(text: string, politeness: Politeness = 'assertive'): void {
  state[politeness] = '';
  emit();
  window.setTimeout(() => {
    state[politeness] = text;
    emit();
  }, 50);
}

function useLive(p: Politeness): string {
  return useSyncExternalStore(
    (cb) => {
      subs.add(cb);
      return () => subs.delete(cb);
    },
    () => state[p],
  );
}

/** The two visually hidden live regions; rendered once at the root. */
export function LiveRegions() {
  const assertive = useLive('assertive');
  const polite = useLive('polite');
  return (
    <>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {assertive}
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {polite}
      </div>
    </>
  );
}

type MessageInstance = ReturnType<typeof App.useApp>['message'];
let messageApi: MessageInstance | null = null;

/** Captures antd's context-aware message API (must render inside <App>). */
export function MessageBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    messageApi = message;
    return () => {
      if (messageApi === message) messageApi = null;
    };
  }, [message]);
  return null;
}

export function notifyError(e: unknown): void {
  const text = typeof e === 'string' ? e : errorText(e);
  messageApi?.error({ content: text, duration: 6 });
  announce(text, 'assertive');
}

export function notifySuccess(text: string): void {
  messageApi?.success({ content: text, duration: 3 });
  announce(text, 'polite');
}
