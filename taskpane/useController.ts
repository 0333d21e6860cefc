/** The React side of the controller: components read its state and call its actions, nothing else. */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { PaneController, PaneState } from './controller';
import { strings, type Strings } from './i18n';

export const ControllerContext = createContext<PaneController | null>(null);

export function useController(): PaneController {
  const c = useContext(ControllerContext);
  if (!c) throw new Error('useController outside <ControllerContext.Provider>');
  return c;
}

export function usePaneState(): PaneState {
  const c = useController();
  return useSyncExternalStore(c.subscribe, c.getState, c.getState);
}

export function useStrings(): Strings {
  return strings(usePaneState().locale);
}

/** True once `active` has stayed true for `delay` ms (a progress indicator for anything slower than that). */
export function useDelayed(active: boolean, delay = 500): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) return;
    const t = setTimeout(() => setShown(true), delay);
    return () => {
      clearTimeout(t);
      setShown(false);
    };
  }, [active, delay]);
  // Inactive hides at once, without waiting for the effect's cleanup to re-render.
  return active && shown;
}
