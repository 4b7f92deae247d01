import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import type { SetupStatus } from '../types';

/** On an empty system (no region yet) a system administrator lands on the setup page. */
export function SetupRedirect() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const admin = can('admin.role.assign') && can('directory.region.write');
  useEffect(() => {
    if (!admin) return undefined;
    const controller = new AbortController();
    api.get<SetupStatus>('/setup', { signal: controller.signal }).then(
      (s) => {
        if (s.needsSetup && s.counts) void navigate('/setup', { replace: true });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [admin, navigate]);
  return null;
}
