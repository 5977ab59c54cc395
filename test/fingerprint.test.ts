import { describe, expect, it } from 'vitest';
import { fingerprint, shapeId } from '../src/engine/sql/fingerprint.ts';

describe('fingerprint', () => {
  it('gives the queries of an N+1 loop one shape, whatever the values', () => {
    const shapes = new Set([
      fingerprint('SELECT name FROM users WHERE id = $1'),
      fingerprint('select name from users where id = 42'),
      fingerprint('SELECT  name\n  FROM users -- the author\n WHERE id=7'),
    ]);
    expect([...shapes]).toEqual(['select name from users where id=?']);
  });

  it('normalises string literals, including escaped quotes and dollar quoting', () => {
    expect(fingerprint("SELECT * FROM t WHERE s = 'it''s' AND u = $$x$$")).toBe('select * from t where s=? and u=?');
  });

  it('folds IN lists and multi-row VALUES of any length', () => {
    expect(fingerprint('SELECT * FROM t WHERE id IN (1, 2, 3)')).toBe(fingerprint('SELECT * FROM t WHERE id IN ($1)'));
    expect(fingerprint('INSERT INTO t (a, b) VALUES (1, 2), (3, 4)')).toBe('insert into t(a,b) values(...)');
  });

  it('keeps identifiers that contain digits and quoted identifiers', () => {
    expect(fingerprint('SELECT "Name" FROM t2 WHERE t2.c1 = 5')).toBe('select "Name" from t2 where t2.c1=?');
  });

  it('tells different shapes apart', () => {
    expect(fingerprint('SELECT a FROM t WHERE id = 1')).not.toBe(fingerprint('SELECT b FROM t WHERE id = 1'));
    expect(shapeId('select a')).not.toBe(shapeId('select b'));
    expect(shapeId('select a')).toMatch(/^[0-9a-f]{8}$/);
  });
});
