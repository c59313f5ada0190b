/** Something the in-memory unit of work can roll back: `snapshot()` returns the function that restores it. */
export interface Transactional {
  snapshot(): () => void;
}
