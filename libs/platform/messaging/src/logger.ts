/** The slice of Nest's LoggerService the platform needs; keeps platform classes framework-free. */
export interface PlatformLogger {
  log(message: unknown, ...context: unknown[]): void;
  warn(message: unknown, ...context: unknown[]): void;
  error(message: unknown, ...context: unknown[]): void;
  /** Per-message detail, off unless the level asks for it. */
  debug?(message: unknown, ...context: unknown[]): void;
}
