import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../kernel/json.js';
import { jsonErrorIndex } from '../../kernel/json-position.js';

const errorOf = (text: string) => {
  try {
    parseStrictJson(text, 'f.json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parsed');
};

describe('JSON error positions', () => {
  it('finds the first offending character where Node names no position', () => {
    // "Unexpected token '}'" carries no position in Node 20: the } after "tru" is at index 9.
    expect(jsonErrorIndex('{"a": tru}')).toBe(9);
    expect(errorOf('{"a": tru}')).toMatch(/^f\.json: invalid JSON at byte 9 \(line 1, column 10\): Unexpected token/);
    expect(jsonErrorIndex('x')).toBe(0);
  });

  it('counts bytes (UTF-8) and characters (columns) after non-ASCII text', () => {
    // 中文 is 2 characters, 6 bytes: the x is at index 11, byte 15, column 12.
    expect(errorOf('{"a": "中文" x}')).toMatch(/at byte 15 \(line 1, column 12\)/);
  });

  it('names the line and column on a later line, and truncation at the end', () => {
    // Index 13 is the quote before b (after "{\n  \"a\": 1\n  ").
    expect(errorOf('{\n  "a": 1\n  "b": 2\n}')).toMatch(/at byte 13 \(line 3, column 3\)/);
    expect(errorOf('{"a": [1, 2')).toMatch(/at byte 11 \(line 1, column 12\) \(the file looks truncated\)/);
    expect(errorOf('{"a":1,}')).toMatch(/at byte 7 \(line 1, column 8\): Expected double-quoted property name/);
  });

  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', '0', '-1.5e+3', '"\\u00e9\\n"', '{"a":[true,false,null,{"b":"c"}]}', ' [ 1 , 2 ] ']) {
      expect(jsonErrorIndex(text), text).toBeUndefined();
    }
    for (const text of ['01', '1.', '"\\x"', '[1,]', '{"a" 1}', '"a\nb"', 'nul']) expect(jsonErrorIndex(text), text).toBeDefined();
  });
});
