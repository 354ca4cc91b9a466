import type { FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useReportError } from '../../../components/use-report-error.ts';
import {
  createProposal,
  fetchProposal,
  newIdempotencyKey,
  type ProposalContent,
  type ProposalDetail,
  proposalsKey,
  updateProposal,
} from '../api.ts';
import { contentOf, type SaveState, toValues, type Values } from './editor-values.ts';

const autosaveMs = 1500;

/**
 * The editor's autosave: creates the draft once there is a 案由, then PATCHes what changed 1.5 s after the
 * typing stops, one request at a time (a change during a save is saved right after it); leaving the page
 * saves, closing the tab with unsaved text asks first; a version conflict waits for a reload.
 */
export function useDraftAutosave(
  form: FormInstance<Values>,
  initial: ProposalDetail | null,
  isStaff: boolean,
) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [draft, setDraftState] = useState<ProposalDetail | null>(initial);
  const [saveState, setSaveState] = useState<SaveState>(initial ? 'saved' : 'idle');
  const [savedAt, setSavedAt] = useState<Date | null>(initial ? new Date(initial.updatedAt) : null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const draftRef = useRef<ProposalDetail | null>(initial);
  const lastSaved = useRef<string>(initial ? JSON.stringify(contentOf(toValues(initial))) : '');
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const again = useRef(false);
  const createKey = useRef(newIdempotencyKey());

  const setDraft = useCallback(
    (p: ProposalDetail) => {
      draftRef.current = p;
      setDraftState(p);
      queryClient.setQueryData([...proposalsKey, 'detail', p.id], p);
    },
    [queryClient],
  );

  /** Saves what the form holds: creates the draft the first time (once there is a 案由), then PATCHes. */
  const saveNow = useCallback(
    async (extra: { cosignerIds?: string[] } = {}): Promise<boolean> => {
      if (inFlight.current) {
        again.current = true;
        return inFlight.current;
      }
      const run = async (): Promise<boolean> => {
        const values = form.getFieldsValue(true) as Values;
        const content = contentOf(values);
        const current = draftRef.current;
        if (!current) {
          if (!content.title) {
            setSaveState('idle');
            return false;
          }
          setSaveState('saving');
          const created = await createProposal(
            {
              ...content,
              proposerKind: values.proposerKind,
              leadMemberId: isStaff ? (values.leadMemberId ?? null) : undefined,
              cosignerIds: extra.cosignerIds ?? [],
            },
            createKey.current,
          );
          lastSaved.current = JSON.stringify(content);
          setDraft(created);
          await navigate(`/proposals/edit/${created.id}`, { replace: true });
          return true;
        }
        // A PATCH never clears the 案由 (the server needs one); the field shows what is missing instead.
        const body: ProposalContent = { ...content };
        if (!body.title) delete body.title;
        const snapshot = JSON.stringify(content);
        if (snapshot === lastSaved.current) {
          setSaveState('saved');
          return true;
        }
        setSaveState('saving');
        const saved = await updateProposal(current.id, { ...body, expectedVersion: current.version });
        lastSaved.current = snapshot;
        setDraft(saved);
        return true;
      };
      const p = run()
        .then((ok) => {
          if (ok) {
            setSaveState('saved');
            setSavedAt(new Date());
            setSaveError(null);
          }
          return ok;
        })
        .catch((err: unknown) => {
          if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
            setSaveState('conflict');
          } else {
            setSaveState('error');
            setSaveError(err instanceof Error ? err.message : String(err));
            if (err instanceof ApiError) {
              const known = new Set(Object.keys(form.getFieldsValue(true) as object));
              const fields = err.fieldIssues
                .map((i) => ({ name: (i.path.split('.')[0] ?? i.path) as keyof Values, errors: [i.message] }))
                .filter((f) => known.has(f.name));
              if (fields.length) form.setFields(fields);
            }
          }
          return false;
        })
        .finally(() => {
          inFlight.current = null;
          if (again.current) {
            again.current = false;
            void saveNow();
          }
        });
      inFlight.current = p;
      return p;
    },
    [form, isStaff, navigate, setDraft],
  );

  const schedule = () => {
    window.clearTimeout(timer.current);
    setSaveState((s) => (s === 'conflict' ? s : 'dirty'));
    timer.current = window.setTimeout(() => void saveNow(), autosaveMs);
  };

  // Leaving the page saves what was typed; closing the tab with unsaved text asks first.
  const stateRef = useRef(saveState);
  stateRef.current = saveState;
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (stateRef.current === 'dirty' || stateRef.current === 'saving') e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      window.clearTimeout(timer.current);
      if (stateRef.current === 'dirty') void saveNow();
    };
  }, [saveNow]);

  const reload = async () => {
    const current = draftRef.current;
    if (!current) return;
    try {
      const fresh = await fetchProposal(current.id);
      setDraft(fresh);
      lastSaved.current = JSON.stringify(contentOf(toValues(fresh)));
      form.setFieldsValue(toValues(fresh));
      setSaveState('saved');
      setSavedAt(new Date(fresh.updatedAt));
    } catch (err) {
      reportError(err);
    }
  };

  const flush = async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const ok = await saveNow();
    return ok && stateRef.current !== 'conflict';
  };

  const cancelScheduled = () => window.clearTimeout(timer.current);
  return {
    draft,
    draftRef,
    setDraft,
    saveState,
    setSaveState,
    savedAt,
    saveError,
    saveNow,
    schedule,
    reload,
    flush,
    cancelScheduled,
  };
}
