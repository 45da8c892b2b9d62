// The start page: Heute from the appointments feature, with the new comments on
// the worker's notes from the comments feature above the visits.

import { TodayPage } from '../../features/appointments/TodayPage';
import { NewComments } from '../../features/comments/NewComments';

export function TodayRoute() {
  return <TodayPage news={<NewComments />} />;
}
