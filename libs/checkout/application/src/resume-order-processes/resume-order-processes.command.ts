/**
 * Carry out every process command that is due: retries whose backoff has passed, and commands
 * left pending when a run was interrupted (a crash, a restart). What the process worker runs.
 */
export interface ResumeOrderProcesses {
  readonly limit?: number;
  /**
   * Leave alone commands that became due less than this long ago: the request or message that
   * decided them is normally carrying them out right now. Default 0.
   */
  readonly dueForMs?: number;
  /** How many processes are carried out at once; by default the runner's cap on carry-outs alongside, so what was past it catches up at that width. */
  readonly concurrency?: number;
}
