import { describe, expect, it } from 'vitest';
import { parseUscc } from './parse.ts';

describe('parseUscc', () => {
  it('splits a code into its fields', () => {
    expect(parseUscc('91110108551385082q')).toEqual({
      authority: { code: '9', name: '市场监督管理（工商）' },
      entityType: { code: '1', name: '企业' },
      regionCode: '110108',
      division: {
        code: '110108',
        name: '海淀区',
        fullName: '北京市海淀区',
        province: '北京市',
        city: null,
        county: '海淀区',
        level: 'county',
      },
      organizationCode: '551385082',
      checkCharacter: 'Q',
    });
  });

  it.each([
    ['11', '机构编制', '机关'],
    ['12', '机构编制', '事业单位'],
    ['51', '民政', '社会团体'],
    ['53', '民政', '基金会'],
    ['93', '市场监督管理（工商）', '农民专业合作社'],
    ['31', '司法行政', '律师执业机构'],
    ['A1', '中央军委改革和编制办公室', '军队事业单位'],
    ['N2', '农业', '村级集体经济组织'],
    ['Y1', '其他', '其他'],
  ])('names authority and entity type %s', (prefix, authority, entityType) => {
    const parts = parseUscc(`${prefix}350100M000100Y43`);
    expect(parts?.authority?.name).toBe(authority);
    expect(parts?.entityType?.name).toBe(entityType);
  });

  it('parses codes that fail the checks', () => {
    expect(parseUscc('B4990000192203822X')).toMatchObject({
      authority: null,
      entityType: null,
      regionCode: '990000',
      division: null,
      organizationCode: '192203822',
      checkCharacter: 'X',
    });
    expect(parseUscc('94440300192203821X')?.entityType).toBeNull();
  });

  it.each(['', '9111010855138508', '91110108551385082QQ'])('returns null for %j', (input) => {
    expect(parseUscc(input)).toBeNull();
  });
});
