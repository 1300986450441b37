import { describe, expect, it } from 'vitest';
import { divisionPrefix, getDivision, listDivisions, regionCovers } from './divisions.ts';

describe('getDivision', () => {
  it.each([
    ['140000', '山西省', 'province', '山西省', null, null],
    ['140800', '山西省运城市', 'city', '山西省', '运城市', null],
    ['140802', '山西省运城市盐湖区', 'county', '山西省', '运城市', '盐湖区'],
    ['110108', '北京市海淀区', 'county', '北京市', null, '海淀区'],
    ['110100', '北京市', 'city', '北京市', '北京市', null],
    ['419001', '河南省济源市', 'county', '河南省', null, '济源市'],
    ['350100', '福建省福州市', 'city', '福建省', '福州市', null],
  ])('%s → %s', (code, fullName, level, province, city, county) => {
    expect(getDivision(code)).toEqual({
      code,
      name: county ?? city ?? province,
      fullName,
      province,
      city,
      county,
      level,
    });
  });

  it.each(['140899', '990000', '1408', '', '14080x'])('returns null for %j', (code) => {
    expect(getDivision(code)).toBeNull();
  });
});

describe('listDivisions', () => {
  it('lists a city and its counties in code order', () => {
    const yuncheng = listDivisions('1408');
    expect(yuncheng[0]?.code).toBe('140800');
    expect(yuncheng.map((d) => d.code)).toEqual([...yuncheng.map((d) => d.code)].sort());
    expect(yuncheng.every((d) => d.code.startsWith('1408'))).toBe(true);
    expect(yuncheng.filter((d) => d.level === 'county').map((d) => d.name)).toContain('盐湖区');
  });

  it('lists every division without a prefix, including the 31 provinces', () => {
    const all = listDivisions();
    expect(all.length).toBeGreaterThan(3000);
    expect(all.filter((d) => d.level === 'province')).toHaveLength(31);
  });

  it('returns nothing for an unknown prefix', () => {
    expect(listDivisions('99')).toEqual([]);
  });
});

describe('divisionPrefix', () => {
  it.each([
    ['140000', '14'],
    ['140800', '1408'],
    ['140802', '140802'],
  ])('%s → %s', (code, prefix) => {
    expect(divisionPrefix(code)).toBe(prefix);
  });

  it.each(['14', '1408000', 'abcdef', ''])('throws on %j', (code) => {
    expect(() => divisionPrefix(code)).toThrow(RangeError);
  });
});

describe('regionCovers', () => {
  it.each([
    ['140000', '140802', true],
    ['140000', '140000', true],
    ['140800', '140802', true],
    ['140800', '140800', true],
    ['140802', '140802', true],
    ['140800', '140100', false],
    ['140000', '430100', false],
    ['140802', '140800', false],
    ['140802', '140000', false],
    ['14', '140802', false], // a malformed scope covers nothing
    ['140000', '14', false],
  ])('regionCovers(%s, %s) = %s', (scope, region, covers) => {
    expect(regionCovers(scope, region)).toBe(covers);
  });
});
