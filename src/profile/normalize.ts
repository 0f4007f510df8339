import { nfkc } from '../data/text.js';

/**
 * Legal-form words that say nothing about which company it is, longest first so that 股份有限公司
 * goes before 有限公司. Stripped from the end, repeatedly: 华东科技集团有限公司 → 华东科技.
 */
const CJK_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '集团股份公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '责任公司',
  '总公司',
  '集团',
  '控股',
  '公司',
];

/** The same in English, as whole words (so "disco" keeps its "co"). */
const LATIN_SUFFIXES = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'plc',
  'group',
  'holding',
  'holdings',
  'gmbh',
]);

const PUNCTUATION = /[\p{P}\p{S}\s]+/gu;
/**
 * 上海市华东… and 上海华东… are the same company: a 省 or 市 after a two- or three-character
 * place name at the start is dropped (the place itself is kept, as 苏州瑞丰 and 无锡瑞丰 differ).
 */
const PLACE = /^(\p{Script=Han}{2,3}?)[省市](?=\p{Script=Han}{2})/u;

/**
 * A company name reduced to what tells companies apart, so that spellings of one company
 * collide: full-width and half-width forms (NFKC), case, punctuation and spaces, legal-form
 * suffixes (有限公司, 集团, Co., Ltd.) and the 省/市 of a leading place name. `undefined` for a
 * name with nothing left to compare.
 */
export function normalizeCompanyName(name: string): string | undefined {
  const words = nfkc(name).toLowerCase().replace(PUNCTUATION, ' ').trim().split(' ');
  while (words.length > 1 && LATIN_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  const joined = words.join('');
  let text = joined;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of CJK_SUFFIXES) {
      if (text.length > suffix.length && text.endsWith(suffix)) {
        text = text.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  text = text.replace(PLACE, '$1');
  const result = text === '' ? joined : text;
  return result === '' ? undefined : result;
}

/** The shortest run of digits that is still a phone number (a landline without its area code). */
const MIN_PHONE_DIGITS = 7;

/**
 * The phone numbers in a cell, as digits only: separators, brackets and full-width digits
 * dropped, and China's country code (+86, 0086) removed, so +86 138-0000-0000 and 13800000000
 * are one number. A cell may hold several numbers separated by , ; / 、.
 */
export function normalizePhones(cell: string): string[] {
  const out: string[] = [];
  for (const part of nfkc(cell).split(/[,;/|、]/)) {
    let digits = part.replace(/\D/g, '');
    if (digits.startsWith('0086')) digits = digits.slice(4);
    else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
    if (digits.length >= MIN_PHONE_DIGITS && !out.includes(digits)) out.push(digits);
  }
  return out;
}
