// 处罚决定书文号: one spelling and one format rule for the subgraph that stores decisions and for the
// exchange's reader that checks a provincial table before it is sent here (@credit-hub/decision-number).
export * from '@credit-hub/decision-number';
