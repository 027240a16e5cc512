/** Query keys of the global search (any ID through findById), so pushes can invalidate it. */
export const searchKeys = {
  all: ['search'] as const,
  find: (id: string) => ['search', 'find', id] as const,
};
