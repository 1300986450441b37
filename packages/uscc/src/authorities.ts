interface Authority {
  name: string;
  entityTypes: Record<string, string>;
}

/**
 * GB 32100-2015 Table 1 with its later additions (A for the CMC reform and establishment office,
 * N for rural collective economic organisations).
 */
const AUTHORITIES: Record<string, Authority> = {
  '1': {
    name: '机构编制',
    entityTypes: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { name: '外交', entityTypes: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    entityTypes: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', entityTypes: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', entityTypes: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    entityTypes: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { name: '宗教', entityTypes: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', entityTypes: { '1': '基层工会', '9': '其他' } },
  '9': { name: '市场监督管理（工商）', entityTypes: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', entityTypes: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    entityTypes: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  // Y does not subdivide: every entity registered by "other" authorities uses 1.
  Y: { name: '其他', entityTypes: { '1': '其他' } },
};

export function authorityName(code: string): string | undefined {
  return Object.hasOwn(AUTHORITIES, code) ? AUTHORITIES[code]?.name : undefined;
}

export function authorityCodes(): string[] {
  return Object.keys(AUTHORITIES);
}

export function entityTypeName(authority: string, entityType: string): string | undefined {
  if (!Object.hasOwn(AUTHORITIES, authority)) return undefined;
  const types = AUTHORITIES[authority]?.entityTypes ?? {};
  return Object.hasOwn(types, entityType) ? types[entityType] : undefined;
}

export function entityTypeCodes(authority: string): string[] {
  return Object.hasOwn(AUTHORITIES, authority) ? Object.keys(AUTHORITIES[authority]?.entityTypes ?? {}) : [];
}
