import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { OrgOptions, RenderContext } from './types.ts';

/** What resource configs need to render a value, in the current language. */
export function useRenderContext(options: OrgOptions | undefined): RenderContext {
  const { t, lang, enumLabel } = useI18n();
  return useMemo(() => ({ t, lang, enumLabel, options }), [t, lang, enumLabel, options]);
}
