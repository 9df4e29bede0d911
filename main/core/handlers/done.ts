/** For requests whose result is just "it happened": waits for the work, answers null. */
export const done = async (work: unknown): Promise<null> => {
  await work;
  return null;
};
