import { useEffect, useState } from 'react';

const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Whether the person touched the page within `windowMs` and the tab is visible. Background polling
 * stops otherwise: each poll is a request on the session, and it must not keep an idle session alive
 * past the server's idle timeout.
 */
export function useRecentActivity(windowMs: number): boolean {
  const [active, setActive] = useState(true);
  useEffect(() => {
    let last = Date.now();
    const mark = () => {
      last = Date.now();
      if (document.visibilityState === 'visible') setActive(true);
    };
    const check = () => setActive(document.visibilityState === 'visible' && Date.now() - last < windowMs);
    for (const e of events) window.addEventListener(e, mark, { passive: true });
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, Math.min(windowMs, 30_000));
    return () => {
      for (const e of events) window.removeEventListener(e, mark);
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [windowMs]);
  return active;
}
