import { useRef } from 'react';

/**
 * One submission at a time: a double click fires antd's onFinish twice before the button shows its loading state,
 * which registered a legal-aid application or a consultation twice (two numbers) and could draw twice. The wrapped handler
 * ignores calls while the previous one's promise is pending; errors are shown by the global mutation handler.
 */
export function useSubmitOnce() {
  const busy = useRef(false);
  return <A>(run: (a: A) => unknown) =>
    (a: A): void => {
      if (busy.current) return;
      busy.current = true;
      void Promise.resolve()
        .then(() => run(a))
        .catch(() => undefined)
        .finally(() => {
          busy.current = false;
        });
    };
}
