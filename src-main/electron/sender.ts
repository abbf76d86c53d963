import type { IpcMainInvokeEvent, WebContents } from 'electron';

/**
 * Who may call the core over IPC: the main frame of a window we created, showing our page.
 * A subframe, a frame that has gone (senderFrame is null), a page that navigated elsewhere or
 * any other webContents is refused (Electron security checklist, "validate the sender").
 */
export function createSenderCheck(isAppUrl: (url: string) => boolean) {
  const ours = new WeakSet<WebContents>();

  return {
    /** Marks a webContents we created as one whose main frame may call the core. */
    trust(webContents: WebContents): void {
      ours.add(webContents);
    },

    isTrustedSender(event: IpcMainInvokeEvent): boolean {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null) return false;
      if (!ours.has(event.sender)) return false;
      return isAppUrl(frame.url);
    },
  };
}

export type SenderCheck = ReturnType<typeof createSenderCheck>;
