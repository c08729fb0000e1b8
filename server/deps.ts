/** The admin panel's view of the root until it declares its own deps. */
export type { AppRoot as AppDeps } from './root';
