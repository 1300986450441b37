import type { KeyDomain } from './types.ts';

/** Trade names (字号) that read like real ones; two characters each. */
export const TRADE_NAMES = [
  '晋丰', '汾河', '鑫源', '恒泰', '华盛', '宏达', '永兴', '金鼎', '瑞祥', '德润', '盛世', '天成', '长青',
  '万通', '兴业', '嘉禾', '隆昌', '富康', '新宇', '安泰', '博远', '中联', '致远', '海川', '鸿运', '润华',
  '湘江', '潇湘', '岳麓', '芙蓉', '楚天', '三湘', '闽江', '海峡', '武夷', '榕城', '鹭岛', '泉兴', '八闽',
  '晋商', '太行', '五台', '河东', '盐池', '关帝', '舜耕', '尧都', '华晋', '晋阳', '明德', '信诚', '正大',
  '弘毅', '启航', '同创', '众合', '聚源', '宝丰', '丰泽', '益民', '惠通', '裕丰', '协力', '远航', '腾飞',
  '锦程', '和美', '旺达', '蓝天', '绿源', '青松', '翠柏', '金桥', '银河', '星辰', '东方', '北辰', '南粤',
];

export interface Industry {
  code: string;
  name: string;
  /** Words that follow the trade name, e.g. 食品 in 晋丰食品有限公司. */
  words: readonly string[];
  scope: string;
  keyDomains: (roll: number) => KeyDomain[];
  weight: number;
}

const none = () => [];

export const INDUSTRIES: readonly Industry[] = [
  {
    code: 'C14', name: '食品制造业', words: ['食品', '乳业', '粮油', '调味品', '面业', '醋业'], weight: 10,
    scope: '食品生产；食品销售；农副产品收购（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
    keyDomains: (roll) => (roll < 0.15 ? ['FOOD_PRODUCTION', 'SPECIAL_FOOD'] : ['FOOD_PRODUCTION']),
  },
  {
    code: 'C15', name: '酒、饮料和精制茶制造业', words: ['酒业', '饮品', '茶业', '酿造'], weight: 4,
    scope: '酒类生产；饮料生产；食品销售', keyDomains: () => ['FOOD_PRODUCTION'],
  },
  {
    code: 'C34', name: '通用设备制造业', words: ['锅炉', '压力容器', '起重机械', '电梯', '阀门'], weight: 5,
    scope: '特种设备设计；特种设备制造；特种设备安装改造修理；机械设备销售', keyDomains: () => ['SPECIAL_EQUIPMENT_PRODUCTION'],
  },
  {
    code: 'D45', name: '燃气生产和供应业', words: ['燃气', '气体', '液化气'], weight: 3,
    scope: '移动式压力容器/气瓶充装；燃气经营；危险化学品经营', keyDomains: () => ['SPECIAL_EQUIPMENT_FILLING'],
  },
  {
    code: 'M74', name: '专业技术服务业', words: ['特种设备检测', '检验检测', '质量检测'], weight: 1.5,
    scope: '特种设备检验检测；检验检测服务；计量技术服务', keyDomains: () => ['SPECIAL_EQUIPMENT_INSPECTION'],
  },
  {
    code: 'F52', name: '零售业', words: ['商贸', '超市', '百货', '便利店'], weight: 18,
    scope: '日用百货销售；食品销售（仅销售预包装食品）；五金产品零售', keyDomains: none,
  },
  {
    code: 'I65', name: '软件和信息技术服务业', words: ['科技', '网络科技', '信息技术', '软件'], weight: 12,
    scope: '软件开发；信息技术咨询服务；技术服务、技术开发、技术咨询', keyDomains: none,
  },
  {
    code: 'E47', name: '房屋建筑业', words: ['建筑', '建设工程', '建筑安装'], weight: 9,
    scope: '建设工程施工；住宅室内装饰装修；建筑材料销售', keyDomains: none,
  },
  {
    code: 'H62', name: '餐饮业', words: ['餐饮', '餐饮管理', '酒店管理'], weight: 10,
    scope: '餐饮服务；餐饮管理；食品销售', keyDomains: none,
  },
  {
    code: 'G54', name: '道路运输业', words: ['物流', '运输', '货运'], weight: 8,
    scope: '道路货物运输（不含危险货物）；国内货物运输代理；普通货物仓储服务', keyDomains: none,
  },
  {
    code: 'L72', name: '商务服务业', words: ['企业管理咨询', '商务咨询', '人力资源'], weight: 10,
    scope: '企业管理咨询；信息咨询服务；会议及展览服务', keyDomains: none,
  },
  {
    code: 'C30', name: '非金属矿物制品业', words: ['建材', '水泥制品', '陶瓷'], weight: 4,
    scope: '水泥制品制造；建筑材料销售', keyDomains: none,
  },
  {
    code: 'A01', name: '农业', words: ['农业', '种植', '果业'], weight: 5.5,
    scope: '谷物种植；蔬菜种植；水果种植；农产品的生产、销售', keyDomains: none,
  },
];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎'];
export const GIVEN_NAME_CHARACTERS = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '建', '国', '文', '辉', '玉', '兰', '红', '志', '海', '斌', '鹏', '飞', '宇', '浩', '晨', '欣', '婷', '雪', '慧', '俊', '峰', '亮', '成', '春', '晓', '燕'];
export const STREETS = ['解放路', '人民路', '建设路', '中山路', '和平街', '迎宾大道', '工业园区', '经济技术开发区', '府东街', '长安街', '五一路', '湘江中路', '五四路', '东街口', '新华路', '学府路'];
