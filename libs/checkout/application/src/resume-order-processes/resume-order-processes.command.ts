/**
 * Carry out every process command that is due: retries whose backoff has passed, and commands
 * left pending when a run was interrupted (a crash, a restart). What the process worker runs.
 */
export interface ResumeOrderProcesses {
  readonly limit?: number;
}
