/** The deadline sweep: give up on every order whose reservation deadline has passed. */
export interface ExpireOrderProcesses {
  readonly limit?: number;
}
