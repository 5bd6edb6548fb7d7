// The printable report in a new tab, through a report link: its token opens only this drill's report, for minutes,
// and the server drops it from the address at once. The tab is opened before the link is asked for, as a click allows.

import { api } from './api.js';

export async function openReport(drillId, lang) {
  const tab = window.open('about:blank', '_blank');
  try {
    const link = await api('POST', `/drills/${encodeURIComponent(drillId)}/report-links`, { format: 'html', lang });
    tab.location.href = link.href;
  } catch (error) {
    tab.close();
    throw error;
  }
}
