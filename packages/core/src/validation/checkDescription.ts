import * as ErrorCode from '../errorCodes';

/** Longest `imageElem.description` (alt text) sent, in characters (Unicode code points, after cleaning). */
export const DESCRIPTION_MAX_LENGTH = 1000;

export type DescriptionCheck =
  /** `description` is what travels: cleaned, `''` when nothing is left. */
  | { ok: true; description: string }
  /** Too long to send; `length` is the cleaned text's, in the same characters as the limit. */
  | { ok: false; code: typeof ErrorCode.DESCRIPTION_TOO_LONG; desc: string; length: number };

// Line breaks and tabs become one space: alt text is read as one line, and a header carries no newline.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// Every other C0/C1 control: invisible, and some terminals or logs act on them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides (U+202A–202E) and isolates (U+2066–2069): they can make the text read
// backwards, or run into what follows it on the receiver's screen. The marks (LRM, RLM, ALM) stay: they
// are how Arabic and Hebrew writers place punctuation, and they cannot leak past the text.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// A surrogate range in unicode mode matches only a lone half: it cannot be encoded (URIError, invalid UTF-8).
const LONE_SURROGATE = /[\ud800-\udfff]/gu;

/**
 * Cleans what can be cleaned silently: line breaks and tabs to a space, other control characters, bidi
 * overrides and isolates and lone surrogates removed, NFC, trimmed. Idempotent.
 *
 * @example cleanDescription('  A dog\n on the \u202Ebeach ') // "A dog on the beach"
 */
export function cleanDescription(text: string): string {
  return String(text ?? '')
    .replace(LONE_SURROGATE, '')
    .replace(BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .normalize('NFC')
    .trim();
}

/**
 * The one rule for an image's description (its alt text), on the client and on the reference server:
 * cleaned (`cleanDescription`), then at most `DESCRIPTION_MAX_LENGTH` characters. Longer is refused, not
 * cut: a cut description says something the sender did not write, so they shorten it themselves.
 *
 * @example
 * const check = checkDescription(text);
 * if (!check.ok) showError(check.desc); // DESCRIPTION_TOO_LONG
 */
export function checkDescription(text: string): DescriptionCheck {
  const description = cleanDescription(text);
  // Counted in code points, so an emoji or a CJK character is one, as a person counts them.
  let length = 0;
  for (const _ of description) length++;
  if (length <= DESCRIPTION_MAX_LENGTH) return { ok: true, description };
  return {
    ok: false,
    code: ErrorCode.DESCRIPTION_TOO_LONG,
    desc: `This image's description is ${length.toLocaleString('en-US')} characters; descriptions can be up to ${DESCRIPTION_MAX_LENGTH.toLocaleString('en-US')}. Shorten it to send the image.`,
    length,
  };
}
