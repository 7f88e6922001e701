/** Runs `work` and rethrows whatever it throws through `map` (driver error → CodedError). */
export async function mapErrors<T>(work: () => Promise<T>, map: (error: unknown) => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw map(error);
  }
}
