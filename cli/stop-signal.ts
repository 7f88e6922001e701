/** Resolves on the first SIGINT or SIGTERM; `dispose` removes the listeners. For long-running commands. */
export function stopSignal(): { promise: Promise<void>; dispose(): void } {
  let stop = () => {};
  const promise = new Promise<void>((resolve) => {
    stop = () => resolve();
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    promise,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
