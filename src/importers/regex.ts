// JavaScript's \b only knows ASCII word characters, so "få\b" or "\bårets" never match as a
// Swedish reader expects. Patterns are written with \b and rebuilt with Unicode-aware
// lookarounds: a \b followed by a word (a letter, a group or a class) opens a word and only looks
// behind, any other \b closes one and only looks ahead. One lookaround is much cheaper than the
// two-sided boundary, which matters as these run on every sentence.

const OPENS = String.raw`(?<![\p{L}\p{N}_])`;
const CLOSES = String.raw`(?![\p{L}\p{N}_])`;
const WORD_FOLLOWS = /^(?:\((?![?][=!<])|\(\?<[a-zA-Z]|\[|\\[pdwu]|[\p{L}\p{N}])/u;

/** The same pattern with \b meaning a boundary between letters (any script) and non-letters. */
export function u(re: RegExp): RegExp {
  const flags = re.flags.includes("u") || re.flags.includes("v") ? re.flags : `${re.flags}u`;
  const source = re.source.replace(/(?<!\\)((?:\\\\)*)\\b/g, (m, escapes: string, offset: number, all: string) => {
    const after = all.slice(offset + m.length);
    return `${escapes}${WORD_FOLLOWS.test(after) ? OPENS : CLOSES}`;
  });
  return new RegExp(source, flags);
}
