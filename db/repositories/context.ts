/** Who is writing and when: passed in, never read from globals, so tests need no fakes. */
export type WriteContext = { actor: string; now: () => Date }
