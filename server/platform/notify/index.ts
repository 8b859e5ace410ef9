export { createLogChannel, createSmsGatewayChannel, signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './notify';
export type { LineLogger, NotificationChannel, ReminderItem, ReminderMessage } from './notify';
export { createReminderService, scheduleReminders } from './reminders';
export type { CaseNumberResolver, ReminderRun, ReminderService } from './reminders';
