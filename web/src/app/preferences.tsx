import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

const storageKey = 'tongxin.largeFont';

interface Preferences {
  largeFont: boolean;
  setLargeFont: (on: boolean) => void;
}

const PreferencesContext = createContext<Preferences | null>(null);

function storedLargeFont(): boolean {
  try {
    return localStorage.getItem(storageKey) === '1';
  } catch {
    return false;
  }
}

/** Display preferences kept in this browser (older members often want large text on their phone). */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [largeFont, setState] = useState(storedLargeFont);
  const setLargeFont = useCallback((on: boolean) => {
    try {
      localStorage.setItem(storageKey, on ? '1' : '0');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setState(on);
  }, []);
  const value = useMemo(() => ({ largeFont, setLargeFont }), [largeFont, setLargeFont]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const ctx = useContext(PreferencesContext);
  if (!ctx) throw new Error('usePreferences outside PreferencesProvider');
  return ctx;
}
