export const NOTIFICATION_SERVICES = 'notification:SERVICES';
