/**
 * The operating system's notifications, through the web Notification API (Electron shows
 * them natively). Absent where the API is missing, such as in tests or old browsers.
 */
export type SystemNotifier = {
  permission: () => NotificationPermission;
  requestPermission: () => Promise<NotificationPermission>;
  show: (title: string, options: { body: string; tag: string }, onClick: () => void) => void;
};

/** The API when this environment has it. */
const notificationApi = (): typeof Notification | undefined => (globalThis as { Notification?: typeof Notification }).Notification;

export const browserNotifier = (Api: typeof Notification | undefined = notificationApi()): SystemNotifier | null => {
  if (Api === undefined) {
    return null;
  }
  return {
    permission: () => Api.permission,
    requestPermission: async () => {
      try {
        return await Api.requestPermission();
      } catch {
        return Api.permission;
      }
    },
    show: (title, options, onClick) => {
      const notification = new Api(title, options);
      notification.onclick = () => {
        window.focus();
        onClick();
        notification.close();
      };
    },
  };
};
