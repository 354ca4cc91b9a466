import type { ProposerKind } from '@tongxin/common/proposals/enums.ts';
import type { ProposalContent, ProposalDetail } from '../api.ts';

/** The editor form's values. */
export interface Values {
  proposerKind: ProposerKind;
  leadMemberId?: string | null;
  title: string;
  situation: string;
  analysis: string;
  suggestions: string;
  category?: string | null;
  suggestedHandlerUnitIds: string[];
  consentToPublish: boolean;
  nonPublishReason?: string | null;
  isUrgent: boolean;
  signatoryName?: string | null;
  sealAttached: boolean;
}

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

export const collective: ProposerKind[] = ['party', 'people_org'];

export function toValues(p: ProposalDetail): Values {
  return {
    proposerKind: p.proposerKind,
    leadMemberId: p.leadMemberId,
    title: p.title,
    situation: p.situation,
    analysis: p.analysis,
    suggestions: p.suggestions,
    category: p.category,
    suggestedHandlerUnitIds: p.suggestedHandlerUnits.map((u) => u.id),
    consentToPublish: p.consentToPublish,
    nonPublishReason: p.nonPublishReason,
    isUrgent: p.isUrgent,
    signatoryName: p.signatoryName,
    sealAttached: p.sealAttached,
  };
}

/** The fields a PATCH may change (autosave sends only these). */
export function contentOf(v: Values): ProposalContent {
  const content: ProposalContent = {
    title: (v.title ?? '').trim(),
    situation: v.situation ?? '',
    analysis: v.analysis ?? '',
    suggestions: v.suggestions ?? '',
    category: v.category ?? null,
    suggestedHandlerUnitIds: v.suggestedHandlerUnitIds ?? [],
    consentToPublish: v.consentToPublish !== false,
    nonPublishReason: v.consentToPublish === false ? (v.nonPublishReason ?? '').trim() || null : null,
    isUrgent: v.isUrgent === true,
  };
  if (collective.includes(v.proposerKind)) {
    content.signatoryName = (v.signatoryName ?? '').trim() || null;
    content.sealAttached = v.sealAttached === true;
  }
  return content;
}
