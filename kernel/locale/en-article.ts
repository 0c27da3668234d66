/**
 * The English indefinite article before a printed figure, chosen by how the figure is read
 * aloud, not by its first character: "an 8.1%" (eight), "an 11-day" (eleven), "an 18%"
 * (eighteen), "an 80%" / "an 800" (eighty, eight hundred), "an $8 million" (eight million
 * dollars), but "a 1.8%" (one), "a 110" (one hundred), "a 1,800" (one thousand). The one rule
 * every en sentence uses where an article precedes a figure (the `article` template helper).
 */

/** 'an' or 'a' for the figure or word `text` starts with. */
export function enArticle(text: string): 'a' | 'an' {
  // Currency signs and an approximation mark are not read before the number ("an $8 million").
  const s = text.trim().replace(/^[$€£¥~≈]+/, '');
  const digits = /^\d[\d,]*/.exec(s)?.[0];
  if (digits === undefined) {
    // An acronym is read letter by letter: "an ETH", "an SOL" but "a US"; a word by its first vowel.
    const acronym = /^[A-Z]{2,}\b/.test(s);
    return (acronym ? /^[AEFHILMNORSX]/ : /^[aeiou]/i).test(s) ? 'an' : 'a';
  }
  // The group read first: "1,800" is "one thousand …", "18,000" is "eighteen thousand".
  const lead = digits.split(',')[0]!;
  const readAsEight = lead.startsWith('8'); // eight, eighty-…, eight hundred …
  const elevenOrEighteen = lead.length === 2 && (lead === '11' || lead === '18');
  return readAsEight || elevenOrEighteen ? 'an' : 'a';
}
