import { builder } from '../builder.ts';

export const RiskClassEnum = builder.enumType('RiskClass', {
  description: '信用风险类别 Credit risk class (运市监信用〔2022〕4号): never published.',
  values: {
    A: { description: '信用风险低 Low: fewer random inspections, no on-site inspection unless triggered.' },
    B: { description: '信用风险一般 General: normal ratio and frequency.' },
    C: { description: '信用风险较高 Higher: raised ratio and frequency.' },
    D: { description: '信用风险高 High: sharply raised, on-site inspection.' },
  } as const,
});

export const RiskSourceEnum = builder.enumType('RiskSource', {
  description: '分类来源 Who classified: the hub (LOCAL) or the province (PROVINCE, imported; wins over LOCAL for the same month).',
  values: {
    LOCAL: { description: '本地模型 Computed by this hub with its model file.' },
    PROVINCE: { description: '省局推送 Imported from the province’s central classification.' },
  } as const,
});

export const RiskChangeDirectionEnum = builder.enumType('RiskChangeDirection', {
  description: '变化方向 Which changes to list.',
  values: {
    UP: { description: '风险上升 Worse class than the previous month (e.g. B → C).' },
    DOWN: { description: '风险下降 Better class than the previous month.' },
    ANY: { description: '任意变化 Any change.' },
  } as const,
});

export const RiskTrendEnum = builder.enumType('RiskTrend', {
  description: '较上月 Change against the previous month.',
  values: {
    UP: { description: '上升 Worse than last month.' },
    DOWN: { description: '下降 Better than last month.' },
    SAME: { description: '不变 Unchanged.' },
    NEW: { description: '新增 Not classified last month.' },
  } as const,
});

export const RunStatusEnum = builder.enumType('RiskRunStatus', {
  description: '运行状态 State of a classification run.',
  values: {
    RUNNING: { description: '进行中 Being written; not visible yet.' },
    COMPLETED: { description: '完成 Written in full.' },
    FAILED: { description: '失败 Stopped; its partial results were dropped and the month kept its previous run.' },
  } as const,
});

/** The same values as the enterprises subgraph's KeyDomain (composition merges them). */
export const KeyDomainEnum = builder.enumType('KeyDomain', {
  description: '重点领域 Focus domain of supervision named by the provinces.',
  values: {
    FOOD_PRODUCTION: { description: '食品生产 Food production.' },
    SPECIAL_FOOD: { description: '特殊食品 Special foods (health foods, infant formula, special medical foods).' },
    SPECIAL_EQUIPMENT_PRODUCTION: {
      description: '特种设备生产 Special-equipment design, manufacture, installation, alteration and repair units.',
    },
    SPECIAL_EQUIPMENT_FILLING: { description: '特种设备充装 Mobile pressure vessel and gas cylinder filling units.' },
    SPECIAL_EQUIPMENT_INSPECTION: { description: '特种设备检验检测 Special-equipment inspection and testing bodies.' },
  } as const,
});
