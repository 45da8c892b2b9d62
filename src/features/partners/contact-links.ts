// Phone numbers and e-mail addresses inside a partner's free-text contact, so the
// detail page can offer "call" and "write" as one tap on a phone.

export interface ContactLink {
  kind: 'tel' | 'mail';
  /** As written in the contact text. */
  text: string;
  href: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** A German or international number: optional +CC, an area code (perhaps in brackets), then digits with spaces, / or -. */
const PHONE = /(?:\+\d{1,3}[\s-]?(?:\(0\)\s?)?|\(?0)\d{1,5}\)?(?:[\s/-]?\d){4,}/g;

/** tel: wants digits and a leading + only ("+49 (0) 5622" becomes "+495622"). */
function telHref(number: string): string {
  const international = number.trim().startsWith('+');
  const digits = number.replace(/\(0\)/g, '').replace(/\D/g, '');
  return `tel:${international ? '+' : ''}${digits}`;
}

/** Every phone number and e-mail address in `contact`, in the order they appear, each once. */
export function contactLinks(contact: string): ContactLink[] {
  const found: { at: number; link: ContactLink }[] = [];
  const mailSpans: [number, number][] = [];
  for (const match of contact.matchAll(EMAIL)) {
    const at = match.index ?? 0;
    mailSpans.push([at, at + match[0].length]);
    found.push({ at, link: { kind: 'mail', text: match[0], href: `mailto:${match[0]}` } });
  }
  for (const match of contact.matchAll(PHONE)) {
    const at = match.index ?? 0;
    // Digits inside an e-mail address are not a phone number.
    if (mailSpans.some(([from, to]) => at >= from && at < to)) continue;
    const text = match[0].trim();
    if (text.replace(/\D/g, '').length < 6) continue;
    found.push({ at, link: { kind: 'tel', text, href: telHref(text) } });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map(({ link }) => link)
    .filter((link) => !seen.has(link.href) && seen.add(link.href));
}
