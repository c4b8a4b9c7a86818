// What people paste from documents and chat: the Unicode minus, full-width digits and
// punctuation from Chinese input methods, non-breaking and ideographic spaces. Each maps
// one UTF-16 unit to one ASCII character, so positions and chunk boundaries are kept.

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const MINUSES = /[\u2212\u2012\u2013\ufe63]/g;
const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g; // ！ … ～ : full-width forms of ASCII 0x21–0x7e
const IDEOGRAPHIC_COMMA = /\u3001/g; // 、

export function normalizeText(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(MINUSES, '-')
    .replace(SPACES, ' ')
    .replace(IDEOGRAPHIC_COMMA, ',');
}
