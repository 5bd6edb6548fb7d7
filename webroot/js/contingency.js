// What a contingency inject waits for and where it stands, in the page's language, from the drill's view alone.

import { duration, hhmm } from './format.js';
import { format, label, pick, t } from './i18n.js';

function taskTitle(drill, taskId) {
  const task = drill.teams.flatMap((team) => team.tasks).find((each) => each.id === taskId);
  return task ? pick(task, 'title') : taskId;
}

function criterionName(drill, criterionId) {
  const criterion = drill.criteria.find((each) => each.id === criterionId);
  return criterion ? pick(criterion, 'name') : criterionId;
}

function platformName(drill, platform) {
  return platform ? label(drill, 'platforms', platform) : t('allPlatforms');
}

function share(value) {
  return `${Math.round(value * 100)}%`;
}

/** The condition as a phrase: "task "Public statement" overdue", "over 300 posts on Weibo within 30m". */
export function conditionText(drill, condition) {
  switch (condition.key) {
    case 'taskOverdue': return format('whenTaskOverdue', taskTitle(drill, condition.subject));
    case 'taskReached': return format('whenTaskReached', taskTitle(drill, condition.subject), t(`step_${condition.step}`));
    case 'criterionMissed': return format('whenCriterionMissed', criterionName(drill, condition.subject));
    case 'postsOver': return format('whenPostsOver', condition.threshold, platformName(drill, condition.subject),
      duration(condition.within / 1000));
    default: return format('whenNegativeShareOver', share(condition.threshold), platformName(drill, condition.subject),
      duration(condition.within / 1000));
  }
}

/** What was measured when the condition came true: a count of posts or a share; empty for the others. */
function measuredText(condition, measured) {
  if (measured === null || measured === undefined) return '';
  return condition.key === 'postsOver' ? format('measuredPosts', measured) : format('measuredShare', share(measured));
}

/** Where a contingency stands: watched (from its time), met and due, or fired; with what set it off. */
export function contingencyStatus(drill, inject) {
  const { condition, met } = inject;
  const delay = condition.delay > 0 ? format('afterDelay', duration(condition.delay / 1000)) : '';
  const what = conditionText(drill, condition) + delay;
  if (met) {
    const measured = measuredText(condition, met.measured);
    const why = format('conditionMet', hhmm(met.at), measured ? `${what}${t('listSep')}${measured}` : what);
    return inject.firedAt !== null ? why : `${why}${t('listSep')}${format('firesAt', hhmm(met.fireAt))}`;
  }
  if (inject.firedAt !== null) return format('firedByHandBefore', what);
  return inject.at !== null && (drill.simTime ?? 0) < inject.at ? format('watchedFrom', hhmm(inject.at), what)
    : format('watching', what);
}
