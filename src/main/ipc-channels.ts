/** The only IPC channels between the window and main; the preload knows nothing else. */
export const IPC_CHANNELS = {
  invoke: 'storelens:invoke',
  event: 'storelens:event',
  pickFiles: 'storelens:pick-files',
} as const;
