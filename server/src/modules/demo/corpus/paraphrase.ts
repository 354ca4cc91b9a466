/**
 * Re-writes a proposal the way a second member (or the same one, a year later) would: other words for the
 * same things, sentences in another order, some left out and some added, another title wording. How much
 * survives depends on the variant, so the near-duplicates range from easy to hard.
 */
import type { Rng } from '../prng.ts';
import {
  type Angle,
  composeTitle,
  type Draft,
  problemUnit,
  situationUnit,
  suggestionUnit,
} from './compose.ts';
import { facetNouns, synonymPairs } from './sentences.ts';

/**
 * `reworded`: every unit kept, re-worded and reordered; `condensed`: about 60 % of the units kept and a few
 * new ones; `partial`: half the facts and suggestions kept, the analysis new, the title's subject changed.
 */
export const paraphraseVariants = ['reworded', 'condensed', 'partial'] as const;
export type ParaphraseVariant = (typeof paraphraseVariants)[number];

const synonymOf = new Map<string, string>(
  synonymPairs.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]),
);
// Longest first, so 加快推进 wins over 推进 where both could match.
const synonymPattern = new RegExp([...synonymOf.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

/** Swaps each word of the synonym table with probability `p`. */
export function reword(rng: Rng, text: string, p: number): string {
  return text.replace(synonymPattern, (w) => (rng.chance(p) ? synonymOf.get(w)! : w));
}

/** Keeps about `share` of the units (at least one), in their order. */
function keep<T>(rng: Rng, units: readonly T[], share: number): T[] {
  const kept = units.filter(() => rng.chance(share));
  return kept.length > 0 ? kept : [units[0]!];
}

/** Moves a few units to other places; the first (the opening) stays first. */
function reorder<T>(rng: Rng, units: readonly T[], keepFirst: boolean): T[] {
  if (units.length < 3) return [...units];
  const head = keepFirst ? [units[0]!] : [];
  const rest = keepFirst ? units.slice(1) : units;
  return [...head, ...rng.shuffle(rest)];
}

/** Inserts `n` units at random places (never before the opening). */
function addUnits(rng: Rng, units: string[], n: number, make: () => string): string[] {
  const out = [...units];
  for (let i = 0; i < n; i++) {
    // A fresh unit, not the same template a kept one was made from (it would read as a repetition).
    let unit = make();
    for (let tries = 0; tries < 5 && out.some((u) => u.slice(0, 6) === unit.slice(0, 6)); tries++)
      unit = make();
    out.splice(rng.int(Math.min(1, out.length), out.length), 0, unit);
  }
  return out;
}

/** A re-written copy of `original`; `angle` is the original's (the copy keeps its topic and facts). */
export function paraphrase(rng: Rng, original: Draft, angle: Angle, variant: ParaphraseVariant): Draft {
  const p = variant === 'reworded' ? 0.7 : 0.5;
  const rw = (units: string[]) => units.map((u) => reword(rng, u, p));
  // The title names the same matter in other words; a partial copy even names another side of it.
  const titleAngle: Angle =
    variant === 'partial'
      ? { ...angle, core: `${angle.terms[0]}${rng.pick(facetNouns)}` }
      : { ...angle, core: reword(rng, angle.core, 0.5) };
  let title = composeTitle(rng, titleAngle);
  for (let i = 0; i < 4 && title === original.title; i++) title = composeTitle(rng, titleAngle);

  if (variant === 'reworded') {
    return {
      title,
      situation: rw(reorder(rng, original.situation, true)),
      analysis: rw(reorder(rng, original.analysis, false)),
      suggestions: rw(reorder(rng, original.suggestions, false)),
    };
  }
  if (variant === 'condensed') {
    return {
      title,
      situation: rw(addUnits(rng, keep(rng, original.situation, 0.6), 1, () => situationUnit(rng, angle))),
      analysis: rw(addUnits(rng, keep(rng, original.analysis, 0.6), 1, () => problemUnit(rng, angle))),
      suggestions: rw(
        addUnits(rng, reorder(rng, keep(rng, original.suggestions, 0.6), false), 1, () =>
          suggestionUnit(rng, angle),
        ),
      ),
    };
  }
  const analysis = Array.from({ length: Math.max(1, original.analysis.length) }, () =>
    problemUnit(rng, angle),
  );
  return {
    title,
    situation: rw(addUnits(rng, keep(rng, original.situation, 0.5), 2, () => situationUnit(rng, angle))),
    analysis: rw(analysis),
    suggestions: rw(
      addUnits(rng, keep(rng, original.suggestions, 0.5), Math.max(1, original.suggestions.length >> 1), () =>
        suggestionUnit(rng, angle),
      ),
    ),
  };
}
