export { createDeadlineService } from './deadlines.service';
export type { DeadlineService, NewDeadline } from './deadlines.service';
export { deadlineRoutes } from './deadlines.routes';
