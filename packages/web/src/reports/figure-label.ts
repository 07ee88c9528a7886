type T = (key: string, vars?: Record<string, string | number>) => string;

/** `t(key)` or, when the messages have no such key, `fallback`. */
function known(t: T, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

/**
 * A figure's name in the UI language from its dotted path; keys the messages do not know (a new rule id,
 * a new canonical domain) show as the key itself, never as nothing.
 * @example figureLabel('services.byDomain.elderly.records', t) // '养老服务：服务记录数'
 */
export function figureLabel(path: string, t: T): string {
  const [group, key, ...rest] = path.split('.');
  const [sub, measure] = rest;
  if (group === 'stations' && key === 'byStatus' && sub)
    return t('report.figure.stations.byStatus', { status: known(t, `status.${sub}`, sub) });
  if (group === 'staffing' && key === 'errorRules' && sub)
    // A rule id has dots of its own: `staffing.errorRules.staffing.min-residents`.
    return t('report.figure.staffing.errorRules', { rule: rest.join('.') });
  if (group === 'services' && key === 'byDomain' && sub && measure)
    return t('report.figure.byDomain', {
      domain: known(t, `report.domain.${sub}`, sub),
      measure: known(t, `report.figure.services.${measure}`, measure),
    });
  return known(t, `report.figure.${path}`, path);
}
