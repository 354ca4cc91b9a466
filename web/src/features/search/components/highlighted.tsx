import { Fragment, type ReactNode } from 'react';

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decodeEntities = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);

/**
 * Text highlighted by the server (escaped, with `<mark>` around the hits) as React elements: the string
 * is split at the marks and every other part is unescaped into a text node, so nothing from a proposal
 * is ever parsed as HTML — even a stray tag the server missed would show as text.
 */
export function Highlighted({ html }: { html: string }): ReactNode {
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  return parts.map((part, i) => {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>';
      return null;
    }
    if (!part) return null;
    const text = decodeEntities(part);
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence of one string.
    return marked ? <mark key={i}>{text}</mark> : <Fragment key={i}>{text}</Fragment>;
  });
}
