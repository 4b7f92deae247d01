/** The modules, in registration order. A new module adds its manifest here. */
import { adminModule } from './admin';
import { authModule } from './auth';
import { directoryModule } from './directory';
import { registrationModule } from './registration';
import type { GongjianModule } from './module';
import { systemModule } from './system';

export const MODULES: readonly GongjianModule[] = [systemModule, authModule, adminModule, directoryModule, registrationModule];
