export { createCalendarService } from './calendar.service';
export type { CalendarService, CalendarChange } from './calendar.service';
export { calendarRoutes } from './calendar.routes';
