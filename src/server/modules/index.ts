/** The modules, in registration order. A new module adds its manifest here. */
import { accountsModule } from './accounts';
import { adminModule } from './admin';
import { authModule } from './auth';
import { directoryModule } from './directory';
import { listsModule } from './lists';
import { notificationsModule } from './notifications';
import { registrationModule } from './registration';
import type { GongjianModule } from './module';
import { systemModule } from './system';
import { volunteeringModule } from './volunteering';

export const MODULES: readonly GongjianModule[] = [systemModule, authModule, adminModule, directoryModule, accountsModule, registrationModule, volunteeringModule, listsModule, notificationsModule];
