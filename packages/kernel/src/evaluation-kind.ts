import { z } from 'zod';

/**
 * Which evaluation it was: the county's concentrated evaluations (`mid-term`, `final`, `annual`) [ZZ §5.3,
 * PY §5.3; WH §3.4 中期评估], or a city or provincial spot check (`spot-check`) [ZZ §5.3: 省、市两级民政部门
 * 开展抽查评估], which never counts towards the county's own. Shared by contracts (`@shegong/budget`) and
 * evaluations (`@shegong/evaluation`).
 */
export const EvaluationKindSchema = z.enum(['mid-term', 'final', 'annual', 'spot-check']);
export type EvaluationKind = z.infer<typeof EvaluationKindSchema>;
