export { createDeadlineService } from './deadlines.service';
export type { DeadlineChange, DeadlineService, NewDeadline } from './deadlines.service';
export { deadlineRoutes } from './deadlines.routes';
