import type { App } from '../platform/http/app.ts';
import type { Social } from './social.ts';

export function postRoutes(_app: App, _social: Social): void {}
