// A criterion's figures as the pages show them: shared by the evaluators' page and the wallboard.

import { duration } from './format.js';
import { format, t } from './i18n.js';

/** The value and target of a criterion as text; interval values that still run are marked to keep counting. */
export function criterionFigures(criterion) {
  const { measure, value, target } = criterion;
  if (measure === 'interval') {
    return { value: duration(value), target: target === null ? '—' : `≤ ${duration(target)}` };
  }
  if (measure === 'before-peak') {
    if (value === null) return { value: '—', target: t('measure_before-peak') };
    return {
      value: value > 0 ? format('beforePeak', duration(value)) : format('afterPeak', duration(-value)),
      target: t('measure_before-peak'),
    };
  }
  if (measure === 'tasks-on-time') {
    // This measure's value is a count of late tasks (unit "tasks"), not a duration.
    const late = value === null ? null : Math.round(value);
    return { value: late === null ? '—' : late === 0 ? t('noLateTasks') : format('lateTasks', late), target: t('noLateTasks') };
  }
  return { value: value === null ? '—' : String(value), target: target === null ? '—' : String(target) };
}
