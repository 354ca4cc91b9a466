import type { MeView } from '@tongxin/common/auth/schemas.ts';
import { createContext, type ReactNode, useContext } from 'react';

const SessionContext = createContext<MeView | null>(null);

export function SessionProvider({ me, children }: { me: MeView; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user; only inside the signed-in layout. */
export function useSession(): MeView {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside the signed-in layout');
  return me;
}

/** Whether the signed-in user has an ability (`org.members.manage`, `audit.read` …). */
export function useAbility(key: string): boolean {
  return useSession().abilities[key] === true;
}
